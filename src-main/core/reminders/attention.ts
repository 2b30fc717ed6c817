import { deadlinesBetween, keysWithoutDeadline, selectReminderCandidates } from '../keys/keyStore'
import type { KeyRecord } from '../keys/keyRecord'
import type { VaultSession } from '../vault/VaultSession'
import { remindBeforeDefault } from '../vault/settings'
import { reminderFor } from './reminderState'

const DAY_MS = 86_400_000
export const TIMELINE_DAYS = 90

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
  readonly noExpiry: { readonly count: number; readonly keys: readonly KeyRecord[] }
  readonly timeline: readonly { id: string; ref: string; date: string; kind: 'expiry' | 'rotation' }[]
}

const ORDER = { expired: 0, overdue: 1, due: 2 } as const

/**
 * What needs attention today, by the same rule as `keyward due` and the notifications: expired, overdue, then due
 * keys, soonest first (a snoozed key stays listed, with its snooze: snoozing silences notifications, not the facts);
 * keys with no date at all; and every expiry and rotation date of the coming 90 days for the timeline.
 */
export function attention(session: VaultSession, limits = { items: 2000, noExpiry: 200, timeline: 5000 }): Attention {
  const now = session.clock.now()
  const today = now.toISOString().slice(0, 10)
  const window = remindBeforeDefault(session)
  const snoozes = new Map(
    (session.sql('SELECT key_id, snoozed_until FROM reminders WHERE snoozed_until IS NOT NULL').all() as { key_id: string; snoozed_until: string }[])
      .map((row) => [row.key_id, row.snoozed_until]),
  )
  const items = selectReminderCandidates(session, window).flatMap((key): AttentionItem[] => {
    const reminder = reminderFor(key, now, window)
    if (reminder.state === 'ok' || reminder.deadline === null) return []
    const days = Math.round((Date.parse(`${reminder.deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS)
    const snooze = snoozes.get(key.id) ?? null
    const active = snooze !== null && (snooze.startsWith('state:') ? snooze === `state:${reminder.state}` : Date.parse(snooze) > now.getTime())
    return [{ key, state: reminder.state, days, snoozedUntil: active ? snooze : null }]
  })
  items.sort((a, b) => ORDER[a.state] - ORDER[b.state] || a.days - b.days || a.key.ref.localeCompare(b.key.ref))
  const until = new Date(Date.parse(`${today}T00:00:00Z`) + TIMELINE_DAYS * DAY_MS).toISOString().slice(0, 10)
  return {
    today,
    items: items.slice(0, limits.items),
    noExpiry: keysWithoutDeadline(session, limits.noExpiry),
    timeline: deadlinesBetween(session, today, until, limits.timeline),
  }
}
