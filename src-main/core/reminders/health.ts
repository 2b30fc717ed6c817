import { existsSync } from 'node:fs'
import { gitWarnings } from '../dotenv/writeDotenvFile'
import { listKeys } from '../keys/keyRepository'
import { filesByKey, fingerprints } from '../keys/keyStore'
import type { VaultSession } from '../vault/VaultSession'
import { remindBeforeDefault } from '../vault/settings'
import { reminderFor } from './reminderState'

export interface HealthEntry {
  readonly ref: string
  readonly detail: string
}

export interface HealthReport {
  readonly keys: number
  readonly sections: Readonly<Record<'overdue' | 'expired' | 'no expiry' | 'unused 90+ days' | 'duplicate values' | 'in files git may commit', readonly HealthEntry[]>>
}

const UNUSED_DAYS = 90

/**
 * The vault's hygiene: what is overdue or expired, keys that never expire (providers advise against them), keys
 * unused for 90+ days (provider-reported last use, else the last local reveal/export), duplicate values (by
 * fingerprint), and keys written to files that git tracks or does not ignore.
 */
export function healthReport(session: VaultSession): HealthReport {
  const now = session.clock.now()
  const keys = listKeys(session).filter((key) => key.status !== 'revoked')
  const window = remindBeforeDefault(session)
  const reminders = keys.map((key) => ({ key, reminder: reminderFor(key, now, window) }))
  const lastLocalUse = new Map(
    (session.sql("SELECT key_id, max(at) AS at FROM events WHERE action IN ('revealed', 'exported') GROUP BY key_id").all() as { key_id: string; at: string }[]).map((row) => [row.key_id, row.at]),
  )
  const unused = keys.flatMap((key) => {
    const last = key.lastUsedAt ?? lastLocalUse.get(key.id) ?? key.createdAt
    const days = Math.floor((now.getTime() - Date.parse(last)) / 86_400_000)
    return days >= UNUSED_DAYS ? [{ ref: key.ref, detail: `last used ${last.slice(0, 10)} (${days} days ago${key.lastUsedAt === null ? ', as far as Keyward saw' : ''})` }] : []
  })
  const byFingerprint = new Map<string, string[]>()
  for (const row of fingerprints(session, true)) {
    byFingerprint.set(row.fingerprint, [...(byFingerprint.get(row.fingerprint) ?? []), row.ref])
  }
  const duplicates = [...byFingerprint.values()].filter((refs) => refs.length > 1).flatMap((refs) => refs.map((ref) => ({ ref, detail: `same value as ${refs.filter((other) => other !== ref).join(', ')}` })))
  const files = filesByKey(session)
  const exposed = files.flatMap(({ ref, file }) => (existsSync(file) ? gitWarnings(file).map((warning) => ({ ref, detail: warning })) : []))
  return {
    keys: keys.length,
    sections: {
      overdue: reminders.filter(({ reminder }) => reminder.state === 'overdue').map(({ key, reminder }) => ({ ref: key.ref, detail: reminder.reason })),
      expired: reminders.filter(({ reminder }) => reminder.state === 'expired').map(({ key, reminder }) => ({ ref: key.ref, detail: reminder.reason })),
      'no expiry': reminders.filter(({ reminder }) => reminder.noExpiry).map(({ key }) => ({ ref: key.ref, detail: 'no expiry date and no rotation period: set one' })),
      'unused 90+ days': unused,
      'duplicate values': duplicates,
      'in files git may commit': exposed,
    },
  }
}
