import {
  deadlinesBetween,
  keysNeedingAttention,
  keysWithDeadlineBy,
  keysWithoutDeadline,
  type Deadline,
} from '../keys/deadlineStore'
import { snoozes } from './reminderStore'
import { byProviderAndName, type KeyRecord } from '../keys/keyRecord'
import type { VaultSession } from '../vault/VaultSession'
import { remindBeforeDefault } from '../vault/settings'
import { KEY_STATE_KINDS, keyStateOf, type KeyState } from '../keys/keyState'

const DAY_MS = 86_400_000
export const TIMELINE_DAYS = 90
/** Day 0 to day 90 as weeks: week 12 holds days 84–90. */
const TIMELINE_WEEKS = 13

export interface AttentionItem {
  readonly key: KeyRecord
  readonly state: 'expired' | 'rejected' | 'overdue' | 'due'
  /** Why, in the user's words. */
  readonly reason: string
  /** Days to the deadline: negative once it has passed; null for a rejected key with no date. */
  readonly days: number | null
  /** An ISO time, `state:<state>` (until the key's state changes), or null. */
  readonly snoozedUntil: string | null
}

export interface Attention {
  readonly today: string
  readonly items: readonly AttentionItem[]
  /** How many keys are expired, overdue or due; `items` holds the first of them. */
  readonly itemsTotal: number
  readonly noExpiry: { readonly count: number; readonly keys: readonly KeyRecord[] }
  readonly timeline: Timeline
}

export interface Timeline {
  /** The coming 90 days as 13 weeks from today, each with how many expiries and rotation dates it holds. */
  readonly weeks: readonly { readonly from: string; readonly expiry: number; readonly rotation: number }[]
  /** The first dates, soonest first (`total` of them in all). */
  readonly dates: readonly Deadline[]
  readonly total: number
}

const isAttentionKind = (kind: string): kind is AttentionItem['state'] => kind in ORDER

const ORDER = { expired: 0, rejected: 1, overdue: 2, due: 3 } as const

/**
 * What needs attention today, by the same rule as `keyward due`, the tray and the notifications (keyState): expired,
 * rejected by the provider, overdue, then due keys, soonest first (a snoozed key stays listed, with its snooze: snoozing silences notifications, not the facts);
 * keys with no date at all; and the expiry and rotation dates of the coming 90 days for the timeline.
 */
export function attention(session: VaultSession, limits = { items: 500, noExpiry: 200, dates: 500 }): Attention {
  const now = session.clock.now()
  const today = now.toISOString().slice(0, 10)
  const window = remindBeforeDefault(session)
  const snoozed = snoozes(session)
  const needing = keysNeedingAttention(session, window, limits.items)
  const items = needing.keys.flatMap((key): AttentionItem[] => {
    const state = keyStateOf(key, now, window)
    if (!isAttentionKind(state.kind)) return []
    const days =
      state.deadline === null
        ? null
        : Math.round((Date.parse(`${state.deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS)
    const snooze = snoozed.get(key.id) ?? null
    const active =
      snooze !== null &&
      (snooze.startsWith('state:') ? snooze === `state:${state.kind}` : Date.parse(snooze) > now.getTime())
    return [{ key, state: state.kind, reason: state.reason, days, snoozedUntil: active ? snooze : null }]
  })
  const soonest = (item: AttentionItem) => item.days ?? Number.MAX_SAFE_INTEGER
  items.sort((a, b) => ORDER[a.state] - ORDER[b.state] || soonest(a) - soonest(b) || byProviderAndName(a.key, b.key))
  return {
    today,
    items,
    itemsTotal: needing.total,
    noExpiry: keysWithoutDeadline(session, limits.noExpiry),
    timeline: timeline(session, today, limits.dates),
  }
}

const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)

/** Counted per week in SQL, so a busy vault's chart shows every date, not the first few thousand. */
function timeline(session: VaultSession, today: string, limit: number): Timeline {
  const { first, weeks } = deadlinesBetween(session, today, addDays(today, TIMELINE_DAYS), limit)
  const count = (week: number, kind: Deadline['kind']) =>
    weeks.find((row) => row.week === week && row.kind === kind)?.count ?? 0
  const perWeek = Array.from({ length: TIMELINE_WEEKS }, (_, week) => ({
    from: addDays(today, week * 7),
    expiry: count(week, 'expiry'),
    rotation: count(week, 'rotation'),
  }))
  return { weeks: perWeek, dates: first, total: weeks.reduce((sum, row) => sum + row.count, 0) }
}

/**
 * `keyward due`: every key that needs attention (the same indexed SQL as the window's view and the tray), and those
 * whose expiry or next rotation falls within `withinDays` — most urgent first, soonest first.
 */
export function dueWithin(session: VaultSession, withinDays: number): (KeyState & { readonly ref: string })[] {
  const now = session.clock.now()
  const window = remindBeforeDefault(session)
  const byId = new Map<string, KeyRecord>()
  for (const key of keysNeedingAttention(session, window, Number.POSITIVE_INFINITY).keys) byId.set(key.id, key)
  for (const key of keysWithDeadlineBy(session, addDays(now.toISOString().slice(0, 10), withinDays)))
    byId.set(key.id, key)
  const rank = (state: KeyState) => KEY_STATE_KINDS.indexOf(state.kind)
  return [...byId.values()]
    .map((key) => ({ ref: key.ref, ...keyStateOf(key, now, window) }))
    .sort(
      (a, b) => rank(a) - rank(b) || (a.deadline ?? '~').localeCompare(b.deadline ?? '~') || a.ref.localeCompare(b.ref),
    )
}
