import { deadlinesBetween, keysInWindow, keysWithoutDeadline, type Deadline } from '../keys/deadlineStore'
import { byProviderAndName, type KeyRecord } from '../keys/keyRecord'
import type { VaultSession } from '../vault/VaultSession'
import { remindBeforeDefault } from '../vault/settings'
import { reminderFor } from './reminderState'

const DAY_MS = 86_400_000
export const TIMELINE_DAYS = 90
/** Day 0 to day 90 as weeks: week 12 holds days 84–90. */
const TIMELINE_WEEKS = 13

export interface AttentionItem {
  readonly key: KeyRecord
  readonly state: 'expired' | 'overdue' | 'due'
  /** Days to the deadline: negative once it has passed. */
  readonly days: number
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

const ORDER = { expired: 0, overdue: 1, due: 2 } as const

/**
 * What needs attention today, by the same rule as `keyward due` and the notifications: expired, overdue, then due
 * keys, soonest first (a snoozed key stays listed, with its snooze: snoozing silences notifications, not the facts);
 * keys with no date at all; and the expiry and rotation dates of the coming 90 days for the timeline.
 */
export function attention(session: VaultSession, limits = { items: 500, noExpiry: 200, dates: 500 }): Attention {
  const now = session.clock.now()
  const today = now.toISOString().slice(0, 10)
  const window = remindBeforeDefault(session)
  const snoozes = new Map(
    (session.sql('SELECT key_id, snoozed_until FROM reminders WHERE snoozed_until IS NOT NULL').all() as { key_id: string; snoozed_until: string }[])
      .map((row) => [row.key_id, row.snoozed_until]),
  )
  const inWindow = keysInWindow(session, window, limits.items)
  const items = inWindow.keys.flatMap((key): AttentionItem[] => {
    const reminder = reminderFor(key, now, window)
    if (reminder.state === 'ok' || reminder.deadline === null) return []
    const days = Math.round((Date.parse(`${reminder.deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS)
    const snooze = snoozes.get(key.id) ?? null
    const active = snooze !== null && (snooze.startsWith('state:') ? snooze === `state:${reminder.state}` : Date.parse(snooze) > now.getTime())
    return [{ key, state: reminder.state, days, snoozedUntil: active ? snooze : null }]
  })
  items.sort((a, b) => ORDER[a.state] - ORDER[b.state] || a.days - b.days || byProviderAndName(a.key, b.key))
  return {
    today,
    items,
    itemsTotal: inWindow.total,
    noExpiry: keysWithoutDeadline(session, limits.noExpiry),
    timeline: timeline(session, today, limits.dates),
  }
}

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)

/** Counted per week in SQL, so a busy vault's chart shows every date, not the first few thousand. */
function timeline(session: VaultSession, today: string, limit: number): Timeline {
  const { first, weeks } = deadlinesBetween(session, today, addDays(today, TIMELINE_DAYS), limit)
  const count = (week: number, kind: Deadline['kind']) => weeks.find((row) => row.week === week && row.kind === kind)?.count ?? 0
  const perWeek = Array.from({ length: TIMELINE_WEEKS }, (_, week) => ({
    from: addDays(today, week * 7),
    expiry: count(week, 'expiry'),
    rotation: count(week, 'rotation'),
  }))
  return { weeks: perWeek, dates: first, total: weeks.reduce((sum, row) => sum + row.count, 0) }
}
