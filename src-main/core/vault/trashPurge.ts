import { recordEvent } from './audit'
import type { VaultSession } from './VaultSession'

/** How long a trashed key can be restored; after that it is deleted with its values (1Password and Bitwarden: 30). */
export const TRASH_DAYS = 30

/** `iso` moved by whole days. */
export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * 86_400_000).toISOString()
}

/**
 * Deletes the keys trashed TRASH_DAYS or more ago, values included (secure_delete overwrites them in the file); how
 * many. Run as the vault opens, so a key goes at the first unlock after its 30 days, by the CLI or the app alike.
 * Here rather than in keys/trashStore.ts because opening a session sits below the keys layer.
 */
export function purgeTrash(session: VaultSession): number {
  return session.db
    .transaction(() => {
      const cutoff = addDays(session.clock.now().toISOString(), -TRASH_DAYS)
      const count = session.sql('DELETE FROM trash WHERE trashed_at <= ?').run(cutoff).changes
      if (count > 0) recordEvent(session, 'trash-emptied', {}, { count, after: `${TRASH_DAYS} days` })
      return count
    })
    .immediate()
}
