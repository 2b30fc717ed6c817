import { existsSync } from 'node:fs'
import { fileExposure, type ExposureKind } from '../dotenv/fileExposure'
import {
  countNotRevoked,
  filesByKey,
  keysPastDeadline,
  keysRejected,
  refsWithoutDeadline,
  sharedValueRefs,
  unusedSince,
} from '../keys/deadlineStore'
import type { VaultSession } from '../vault/VaultSession'
import { remindBeforeDefault } from '../vault/settings'
import { keyStateOf } from '../keys/keyState'
import { reminderFor } from '../keys/reminderState'

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
  /** How many entries each section has; `sections` holds the first `limit` of each (all, by default). */
  readonly totals: Readonly<Record<keyof HealthReport['sections'], number>>
  readonly sections: Readonly<
    Record<
      'rejected' | 'overdue' | 'expired' | 'no expiry' | 'unused 90+ days' | 'duplicate values' | 'exposed .env files',
      readonly HealthEntry[]
    >
  >
}

const UNUSED_DAYS = 90
const DAY_MS = 86_400_000

const entry = (key: { id: string; ref: string }, detail: string): HealthEntry => ({
  keyId: key.id,
  ref: key.ref,
  detail,
  file: null,
  exposure: null,
})

/**
 * The vault's hygiene: keys the provider rejected at their last verify, what is overdue or expired, keys that never expire (providers advise against them), keys
 * unused for 90+ days (provider-reported last use, else the last local reveal/export; longest unused first),
 * duplicate values (by fingerprint), and keys written to files that git tracks or does not ignore, or that others
 * may read. Each section is one indexed query that reads only the keys it reports (the window asks again after
 * every fix).
 */
export function healthReport(session: VaultSession, limit = Number.POSITIVE_INFINITY): HealthReport {
  const now = session.clock.now()
  const window = remindBeforeDefault(session)
  const past = (state: 'expired' | 'overdue') => {
    const { keys, total } = keysPastDeadline(session, state, limit)
    return { total, entries: keys.map((key) => entry(key, reminderFor(key, now, window).reason)) }
  }
  const rejectedKeys = keysRejected(session, limit)
  const rejected = rejectedKeys.keys.map((key) => entry(key, keyStateOf(key, now, window).reason))
  const overdue = past('overdue')
  const expired = past('expired')
  const cutoff = new Date(now.getTime() - UNUSED_DAYS * DAY_MS).toISOString()
  const unused = unusedSince(session, cutoff, limit)
  const unusedEntries = unused.rows.map((key) => {
    const days = Math.floor((now.getTime() - Date.parse(key.last)) / DAY_MS)
    return entry(
      key,
      `last used ${key.last.slice(0, 10)} (${days} days ago${key.reported === 1 ? '' : ', as far as Keyward saw'})`,
    )
  })
  const shared = sharedValueRefs(session)
  const duplicates = shared.map((row) => {
    const others = shared.filter((other) => other.fingerprint === row.fingerprint && other.id !== row.id)
    return entry(row, `same value as ${others.map((other) => other.ref).join(', ')}`)
  })
  // Each file is asked once (git runs per question), then reported under every key written to it.
  const exposureByFile = new Map<string, ReturnType<typeof fileExposure>>()
  const exposed = filesByKey(session).flatMap(({ id, ref, file }) => {
    if (!existsSync(file)) return []
    const found = exposureByFile.get(file) ?? fileExposure(file)
    exposureByFile.set(file, found)
    return found.map((exposure) => ({ keyId: id, ref, detail: exposure.message, file, exposure: exposure.kind }))
  })
  const undated = refsWithoutDeadline(session, limit)
  const cut = (list: readonly HealthEntry[]) => list.slice(0, limit)
  return {
    keys: countNotRevoked(session),
    totals: {
      rejected: rejectedKeys.total,
      overdue: overdue.total,
      expired: expired.total,
      'no expiry': undated.total,
      'unused 90+ days': unused.total,
      'duplicate values': duplicates.length,
      'exposed .env files': exposed.length,
    },
    sections: {
      rejected,
      overdue: overdue.entries,
      expired: expired.entries,
      'no expiry': undated.rows.map((key) => entry(key, 'no expiry date and no rotation period: set one')),
      'unused 90+ days': unusedEntries,
      'duplicate values': cut(duplicates),
      'exposed .env files': cut(exposed),
    },
  }
}
