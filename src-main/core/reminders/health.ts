import { existsSync } from 'node:fs'
import { fileExposure, type ExposureKind } from '../dotenv/fileExposure'
import { listKeys } from '../keys/keyRepository'
import { filesByKey, fingerprints } from '../keys/keyStore'
import type { VaultSession } from '../vault/VaultSession'
import { remindBeforeDefault } from '../vault/settings'
import { reminderFor } from './reminderState'

export interface HealthEntry {
  readonly keyId: string
  readonly ref: string
  readonly detail: string
  /** For an exposed file: which file, and why (the window offers the fix). */
  readonly file: string | null
  readonly exposure: ExposureKind | null
}

export interface HealthReport {
  readonly keys: number
  readonly sections: Readonly<Record<'overdue' | 'expired' | 'no expiry' | 'unused 90+ days' | 'duplicate values' | 'exposed .env files', readonly HealthEntry[]>>
}

const UNUSED_DAYS = 90

const entry = (key: { id: string; ref: string }, detail: string): HealthEntry => ({ keyId: key.id, ref: key.ref, detail, file: null, exposure: null })

/**
 * The vault's hygiene: what is overdue or expired, keys that never expire (providers advise against them), keys
 * unused for 90+ days (provider-reported last use, else the last local reveal/export), duplicate values (by
 * fingerprint), and keys written to files that git tracks or does not ignore, or that others may read.
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
    return days >= UNUSED_DAYS ? [entry(key, `last used ${last.slice(0, 10)} (${days} days ago${key.lastUsedAt === null ? ', as far as Keyward saw' : ''})`)] : []
  })
  const byFingerprint = new Map<string, { id: string; ref: string }[]>()
  for (const row of fingerprints(session, true)) {
    byFingerprint.set(row.fingerprint, [...(byFingerprint.get(row.fingerprint) ?? []), row])
  }
  const duplicates = [...byFingerprint.values()]
    .filter((rows) => rows.length > 1)
    .flatMap((rows) => rows.map((row) => entry(row, `same value as ${rows.filter((other) => other !== row).map((other) => other.ref).join(', ')}`)))
  // Each file is asked once (git runs per question), then reported under every key written to it.
  const exposureByFile = new Map<string, ReturnType<typeof fileExposure>>()
  const exposed = filesByKey(session).flatMap(({ id, ref, file }) => {
    if (!existsSync(file)) return []
    const found = exposureByFile.get(file) ?? fileExposure(file)
    exposureByFile.set(file, found)
    return found.map((exposure) => ({ keyId: id, ref, detail: exposure.message, file, exposure: exposure.kind }))
  })
  return {
    keys: keys.length,
    sections: {
      overdue: reminders.filter(({ reminder }) => reminder.state === 'overdue').map(({ key, reminder }) => entry(key, reminder.reason)),
      expired: reminders.filter(({ reminder }) => reminder.state === 'expired').map(({ key, reminder }) => entry(key, reminder.reason)),
      'no expiry': reminders.filter(({ reminder }) => reminder.noExpiry).map(({ key }) => entry(key, 'no expiry date and no rotation period: set one')),
      'unused 90+ days': unused,
      'duplicate values': duplicates,
      'exposed .env files': exposed,
    },
  }
}
