import type { VaultSession } from '../vault/VaultSession'
import type { KeyId } from './keyId'
import { byProviderAndName, type KeyRecord } from './keyRecord'
import { selectKeys, today } from './keyStore'

/**
 * The statements behind reminders, Needs attention and Health: keys by their dates, use and duplicates. Each reads
 * through an index of migration 0060 (or a covering one), so a 100k-key vault answers in milliseconds; the
 * attention test checks every plan.
 */

/**
 * The first day of a key's reminder window: its deadline (the sooner of expiry and next rotation, a generated column
 * of migration 0060) minus remind-before days.
 */
const DUE_FROM_SQL = "date(deadline, '-' || coalesce(remind_before_days, @window) || ' days')"
/**
 * The same rule with a bound the `keys_deadline` index can answer: a window that has begun by today ends (at the
 * deadline) before today + the longest remind-before days + 1 (the +1 keeps an expiry stored as a time of day in).
 */
const WINDOW_BEGUN_SQL = `status = 'active'
  AND deadline < date(@today, '+' || (max(@window, coalesce((SELECT max(remind_before_days) FROM keys), 0)) + 1) || ' days')
  AND ${DUE_FROM_SQL} <= @today`
const HAS_DEADLINE_SQL = "status = 'active' AND (expires_at IS NOT NULL OR rotate_every_days IS NOT NULL)"
/** Keys the provider rejected at their last verify, through their partial index (migration 0090). */
const REJECTED_SQL = "keys INDEXED BY keys_rejected WHERE status = 'active' AND last_verify_result = 'invalid'"
/**
 * Needs attention, the one definition (keyState's ATTENTION_KINDS): keys whose reminder window has begun, and keys
 * the provider rejected. Each arm reads its own index (named: inside a UNION the planner would scan the table);
 * the rowids are merged.
 */
const ATTENTION_ROWIDS_SQL = `SELECT rowid FROM keys INDEXED BY keys_deadline WHERE ${WINDOW_BEGUN_SQL}
  UNION SELECT rowid FROM ${REJECTED_SQL}`

/**
 * Keys a notification pass must look at: those whose reminder window has begun, and those notified before (whose
 * record is cleared once they are ok again). Every other key is ok and was never notified: it is not read at all.
 */
export function selectReminderCandidates(session: VaultSession, defaultRemindBefore: number): KeyRecord[] {
  return selectKeys(
    session,
    `FROM keys WHERE rowid IN (${ATTENTION_ROWIDS_SQL}
        UNION ALL SELECT rowid FROM keys WHERE id IN (SELECT key_id FROM reminders WHERE last_notified_state IS NOT NULL))`,
    { window: defaultRemindBefore },
  )
}

/** keyStateOf's order of the states that need attention: expired, rejected, overdue, then due. */
const STATE_ORDER_SQL = `CASE WHEN expires_at < @today THEN 0 WHEN last_verify_result = 'invalid' THEN 1
  WHEN rotation_due < @today THEN 2 ELSE 3 END`

/**
 * Keys that need attention (keyState's ATTENTION_KINDS): how many, and the first `limit` — expired, rejected,
 * overdue, then due, soonest first — read whole (Needs attention, its sidebar view, the tray, `keyward due`). The first
 * are chosen in SQL; they come back in no particular order (the aggregate takes rows as they come), and the caller
 * sorts the few it got.
 */
export function keysNeedingAttention(
  session: VaultSession,
  defaultRemindBefore: number,
  limit: number,
): { keys: KeyRecord[]; total: number } {
  const total = countNeedingAttention(session, defaultRemindBefore)
  if (total === 0) return { keys: [], total }
  return { keys: firstNeedingAttention(session, defaultRemindBefore, Math.min(limit, total)), total }
}

/** The first `limit` keys that need attention, in keysNeedingAttention's order, without counting them all. */
export function firstNeedingAttention(session: VaultSession, defaultRemindBefore: number, limit: number): KeyRecord[] {
  const from = `FROM (SELECT * FROM keys WHERE rowid IN (${ATTENTION_ROWIDS_SQL})
    ORDER BY ${STATE_ORDER_SQL}, deadline, provider, name LIMIT @limit) AS keys`
  return selectKeys(session, from, { window: defaultRemindBefore, limit: Number.isFinite(limit) ? limit : -1 })
}

/** Active keys whose deadline (the sooner of expiry and next rotation) is on or before `day`, through its index. */
export function keysWithDeadlineBy(session: VaultSession, day: string): KeyRecord[] {
  return selectKeys(session, "FROM keys INDEXED BY keys_deadline WHERE status = 'active' AND deadline <= @day", { day })
}

/** Active keys the provider rejected at their last verify: how many, and the first `limit` by provider and name. */
export function keysRejected(session: VaultSession, limit: number): { keys: KeyRecord[]; total: number } {
  const total = session.sql(`SELECT count(*) FROM ${REJECTED_SQL}`).pluck().get() as number
  if (total === 0) return { keys: [], total }
  const from = `FROM (SELECT * FROM ${REJECTED_SQL} ORDER BY provider, name LIMIT @limit) AS keys`
  return { keys: selectKeys(session, from, { limit: Math.min(limit, total) }).sort(byProviderAndName), total }
}

/** Active keys past their expiry day; or past their rotation day and not expired (reminderFor's order). */
const PAST_DEADLINE = {
  expired: "keys INDEXED BY keys_expiry WHERE status = 'active' AND expires_at IS NOT NULL AND expires_at < @today",
  overdue: `keys INDEXED BY keys_rotation_due WHERE status = 'active' AND rotate_every_days IS NOT NULL
              AND rotation_due < @today AND NOT coalesce(expires_at < @today, 0)`,
} as const

/**
 * Expired or overdue keys: how many (counted in their index) and the first `limit` by provider and name, read whole.
 * (An expiry kept as a time of day compares below `@today` exactly when its day has passed.)
 */
export function keysPastDeadline(
  session: VaultSession,
  state: keyof typeof PAST_DEADLINE,
  limit: number,
): { keys: KeyRecord[]; total: number } {
  const params = { today: today(session) }
  const total = session.sql(`SELECT count(*) FROM ${PAST_DEADLINE[state]}`).pluck().get(params) as number
  if (total === 0) return { keys: [], total }
  const from = `FROM (SELECT * FROM ${PAST_DEADLINE[state]} ORDER BY provider, name LIMIT @limit) AS keys`
  return { keys: selectKeys(session, from, { limit: Math.min(limit, total) }).sort(byProviderAndName), total }
}

export interface KeyRow {
  readonly id: KeyId
  readonly ref: string
}

/**
 * Active keys with neither date, through their own partial index: without statistics the planner would count them
 * through `keys_last_use` and read every active key's row (a 100k-row walk). The dashboards' queries name their
 * index (INDEXED BY) so that no plan change can turn one back into a scan; the attention test checks every plan.
 */
const UNDATED_KEYS =
  "keys INDEXED BY keys_undated WHERE status = 'active' AND expires_at IS NULL AND rotate_every_days IS NULL"

/** Keys (not revoked) with neither an expiry date nor a rotation period: the first `limit` by name, and how many. */
export function refsWithoutDeadline(session: VaultSession, limit: number): { rows: KeyRow[]; total: number } {
  const total = session.sql(`SELECT count(*) FROM ${UNDATED_KEYS}`).pluck().get() as number
  const rows = session
    .sql(`SELECT id, provider || '/' || name AS ref FROM ${UNDATED_KEYS} ORDER BY provider, name LIMIT ?`)
    .all(Math.min(limit, total)) as KeyRow[]
  return { rows, total }
}

/** Active keys whose value another active key also holds (same fingerprint), by ref. */
export function sharedValueRefs(session: VaultSession): (KeyRow & { fingerprint: string })[] {
  const rows = session
    .sql(
      // The inner GROUP BY reads only the fingerprint index; the few fingerprints found twice are then checked.
      `SELECT id, provider || '/' || name AS ref, fingerprint FROM keys WHERE status = 'active' AND fingerprint IN
         (SELECT fingerprint FROM keys GROUP BY fingerprint HAVING count(*) > 1) ORDER BY ref`,
    )
    .all() as (KeyRow & { fingerprint: string })[]
  const active = new Map<string, number>()
  for (const row of rows) active.set(row.fingerprint, (active.get(row.fingerprint) ?? 0) + 1)
  return rows.filter((row) => (active.get(row.fingerprint) ?? 0) > 1)
}

/**
 * Keys (not revoked) last used before `cutoff`, longest unused first (the first `limit`, and how many): the
 * provider's last use, else the last local reveal or export, else creation — and which of those it was.
 */
export function unusedSince(
  session: VaultSession,
  cutoff: string,
  limit: number,
): { rows: (KeyRow & { last: string; reported: 0 | 1 })[]; total: number } {
  const where = "status = 'active' AND last_use <= @cutoff"
  const total = session.sql(`SELECT count(*) FROM keys WHERE ${where}`).pluck().get({ cutoff }) as number
  const rows = session
    .sql(
      `SELECT id, provider || '/' || name AS ref, last_use AS last, last_used_at IS NOT NULL AS reported
       FROM keys WHERE ${where} ORDER BY last_use, ref LIMIT @limit`,
    )
    .all({ cutoff, limit: Math.min(limit, total) }) as (KeyRow & { last: string; reported: 0 | 1 })[]
  return { rows, total }
}

/** Keys that are not revoked: what the health report checks. */
export function countNotRevoked(session: VaultSession): number {
  return session.sql("SELECT count(*) FROM keys WHERE status = 'active'").pluck().get() as number
}

/** Active keys with neither an expiry date nor a rotation period (at most `limit`), and how many there are. */
export function keysWithoutDeadline(session: VaultSession, limit: number): { count: number; keys: KeyRecord[] } {
  const count = session.sql(`SELECT count(*) FROM ${UNDATED_KEYS}`).pluck().get() as number
  if (count === 0) return { count, keys: [] }
  // The aggregate takes its rows unordered: the first `limit` by name are picked in a subquery, then sorted.
  const from = `FROM (SELECT * FROM ${UNDATED_KEYS} ORDER BY provider, name LIMIT @limit) AS keys`
  return { count, keys: selectKeys(session, from, { limit }).sort(byProviderAndName) }
}

export interface Deadline {
  readonly id: KeyId
  readonly ref: string
  readonly date: string
  readonly kind: 'expiry' | 'rotation'
}

/** Each arm of the timeline: active keys' expiry days, and their next rotation days (both indexed). */
const DEADLINE_ARMS = [
  ['expires_at', "'expiry'", 'expires_at IS NOT NULL'],
  ['rotation_due', "'rotation'", 'rotate_every_days IS NOT NULL'],
] as const

/**
 * Expiry days and next rotation days of active keys between two days (inclusive): the first `limit` in date order,
 * and how many there are per week from `from` (week 0 is `from` and the six days after it). Each arm walks its own
 * index in date order and stops at `limit`; the week counts read only the indexes.
 */
export function deadlinesBetween(
  session: VaultSession,
  from: string,
  to: string,
  limit: number,
): { first: Deadline[]; weeks: { week: number; kind: Deadline['kind']; count: number }[] } {
  const arm = ([column, kind, present]: (typeof DEADLINE_ARMS)[number]) =>
    `SELECT * FROM (SELECT id, provider || '/' || name AS ref, ${column} AS date, ${kind} AS kind FROM keys
       WHERE status = 'active' AND ${present} AND ${column} BETWEEN @from AND @to ORDER BY ${column} LIMIT @limit)`
  const first = session
    .sql(`${DEADLINE_ARMS.map(arm).join(' UNION ALL ')} ORDER BY date, ref LIMIT @limit`)
    .all({ from, to, limit }) as Deadline[]
  const count = ([column, kind, present]: (typeof DEADLINE_ARMS)[number]) =>
    `SELECT CAST((julianday(date(${column})) - julianday(@from)) / 7 AS INTEGER) AS week, ${kind} AS kind, count(*) AS count
       FROM keys WHERE status = 'active' AND ${present} AND ${column} BETWEEN @from AND @to GROUP BY week`
  const weeks = session.sql(DEADLINE_ARMS.map(count).join(' UNION ALL ')).all({ from, to }) as {
    week: number
    kind: Deadline['kind']
    count: number
  }[]
  return { first, weeks }
}

/** The day a rejected key is due from in the digest: it needs attention on every day, so the locked count has it. */
export const REJECTED_DUE_FROM = '0000-01-01'

/**
 * The first day each active key needs attention (dates only), for the header's due digest: its reminder window's
 * first day, or REJECTED_DUE_FROM for a key the provider rejected.
 */
export function dueFromDays(session: VaultSession, defaultRemindBefore: number): string[] {
  return session
    .sql(
      `SELECT CASE WHEN last_verify_result = 'invalid' THEN '${REJECTED_DUE_FROM}' ELSE ${DUE_FROM_SQL} END AS due_from
         FROM keys WHERE ${HAS_DEADLINE_SQL} OR (status = 'active' AND last_verify_result = 'invalid') ORDER BY due_from`,
    )
    .pluck()
    .all({ window: defaultRemindBefore }) as string[]
}

/** Keys that need attention (keyState's ATTENTION_KINDS), counted in SQL. */
export function countNeedingAttention(session: VaultSession, defaultRemindBefore: number): number {
  return session
    .sql(`SELECT count(*) FROM (${ATTENTION_ROWIDS_SQL})`)
    .pluck()
    .get({ window: defaultRemindBefore, today: today(session) }) as number
}

/** Every .env file a key was written to, by ref. */
export function filesByKey(session: VaultSession): { id: KeyId; ref: string; file: string }[] {
  return session
    .sql(
      "SELECT DISTINCT keys.id, keys.provider || '/' || keys.name AS ref, usages.file_path AS file FROM usages JOIN keys ON keys.id = usages.key_id ORDER BY ref",
    )
    .all() as { id: KeyId; ref: string; file: string }[]
}
