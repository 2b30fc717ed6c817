import { DEFAULT_REMIND_BEFORE_DAYS } from '../vault/settings'
import type { KeyRecord } from './keyRecord'

export { DEFAULT_REMIND_BEFORE_DAYS }

export type ReminderState = 'ok' | 'due' | 'overdue' | 'expired'

const DAY_MS = 24 * 60 * 60 * 1000

/** A UTC calendar day as a day number, so month ends, leap days, DST and year boundaries need no special cases. */
function dayNumber(isoDateOrTime: string): number {
  const date = new Date(isoDateOrTime.length === 10 ? `${isoDateOrTime}T00:00:00Z` : isoDateOrTime)
  return Math.floor(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()) / DAY_MS)
}

function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10)
}

export interface KeyReminder {
  readonly ref: string
  readonly state: ReminderState
  /** Why, in the user's words: which date and how far away. */
  readonly reason: string
  /** The day (YYYY-MM-DD) the key expires or its rotation is due, whichever comes first; null for neither. */
  readonly deadline: string | null
  /** The first day of the reminder window (deadline − remind-before days); null for neither. */
  readonly dueFrom: string | null
  readonly noExpiry: boolean
}

/**
 * The reminder state of a key on `today`, derived from its dates every time (never stored): expired after its
 * expiry day; overdue past its next rotation (last rotation, else creation, + period); due inside the remind-before
 * window of either; ok otherwise. Revoked keys are never due.
 */
export function reminderFor(key: KeyRecord, now: Date, defaultRemindBefore = DEFAULT_REMIND_BEFORE_DAYS): KeyReminder {
  const today = dayNumber(now.toISOString())
  const window = key.remindBeforeDays ?? defaultRemindBefore
  const expiry = key.expiresAt === null ? null : dayNumber(key.expiresAt)
  const rotation = key.rotateEveryDays === null ? null : dayNumber(key.rotatedAt ?? key.createdAt) + key.rotateEveryDays
  const deadlines = [expiry, rotation].filter((day): day is number => day !== null)
  const deadline = deadlines.length === 0 ? null : Math.min(...deadlines)
  const base = {
    ref: key.ref,
    deadline: deadline === null ? null : isoDay(deadline),
    dueFrom: deadline === null ? null : isoDay(deadline - window),
    noExpiry: deadline === null,
  }
  if (key.status === 'revoked') return { ...base, state: 'ok', reason: 'revoked' }
  if (expiry !== null && today > expiry) return { ...base, state: 'expired', reason: `expired on ${isoDay(expiry)}` }
  if (rotation !== null && today > rotation)
    return {
      ...base,
      state: 'overdue',
      reason: `rotation was due on ${isoDay(rotation)} (${today - rotation} days ago)`,
    }
  if (expiry !== null && expiry - today <= window)
    return {
      ...base,
      state: 'due',
      reason: expiry === today ? 'expires today' : `expires on ${isoDay(expiry)} (in ${expiry - today} days)`,
    }
  if (rotation !== null && rotation - today <= window)
    return {
      ...base,
      state: 'due',
      reason:
        rotation === today ? 'rotation due today' : `rotation due on ${isoDay(rotation)} (in ${rotation - today} days)`,
    }
  return {
    ...base,
    state: 'ok',
    reason: deadline === null ? 'no expiry and no rotation period' : `next date ${isoDay(deadline)}`,
  }
}

/** How many keys are in their reminder window on `now`, from the locked digest alone. */
export function dueCountFromDigest(digest: readonly string[], now: Date): number {
  const today = now.toISOString().slice(0, 10)
  return digest.filter((day) => day <= today).length
}
