import { dueFromDays } from '../keys/deadlineStore'
import { updateHeader } from '../vault/header'
import type { VaultSession } from '../vault/VaultSession'
import { DEFAULT_REMIND_BEFORE_DAYS } from '../keys/reminderState'

/**
 * Recomputes the header's due digest (the first day of each active key's reminder window, sorted; dates only)
 * and writes the header when it changed. SQLite computes it so it costs a few milliseconds for 10k keys; it runs
 * before the vault locks, so the locked reminders count what the vault held last.
 */
export function refreshDueDigest(session: VaultSession, defaultRemindBefore = DEFAULT_REMIND_BEFORE_DAYS): void {
  const digest = dueFromDays(session, defaultRemindBefore)
  session.header = updateHeader(session.files, (latest) =>
    latest.dueDigest.length === digest.length && latest.dueDigest.every((day, i) => day === digest[i])
      ? latest
      : { ...latest, dueDigest: digest },
  )
}
