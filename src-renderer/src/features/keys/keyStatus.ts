import type { KeySummary } from '../../../../src-preload/contract'

const DAY_MS = 86_400_000

export interface StatusView {
  readonly tone: 'ok' | 'due' | 'expired' | 'revoked'
  /** Icon and text together: status is never colour alone. */
  readonly icon: string
  readonly text: string
  readonly title: string
}

function daysUntil(isoDay: string, now: Date): number {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())
  return Math.round((Date.parse(`${isoDay}T00:00:00Z`) - today) / DAY_MS)
}

/** The status pill of a row: revoked, expired, expiring (days left), or OK. */
/** The day a key's next rotation is due, or null without a rotation period. */
function rotationDue(key: KeySummary): string | null {
  if (key.rotateEveryDays === null) return null
  const from = Date.parse(key.rotatedAt ?? key.createdAt)
  return new Date(from + key.rotateEveryDays * DAY_MS).toISOString().slice(0, 10)
}

/** The status pill of a row: revoked, expired, rotation overdue, due (days left), or OK. */
export function statusOf(key: KeySummary, now = new Date()): StatusView {
  if (key.status === 'revoked') return { tone: 'revoked', icon: '⊘', text: 'Revoked', title: 'Revoked at the provider' }
  const window = key.remindBeforeDays ?? 14
  if (key.expiresAt !== null && daysUntil(key.expiresAt, now) < 0) return { tone: 'expired', icon: '✕', text: 'Expired', title: `Expired on ${key.expiresAt}` }
  const rotation = rotationDue(key)
  if (rotation !== null && daysUntil(rotation, now) < 0) return { tone: 'expired', icon: '↻', text: 'Rotation overdue', title: `Rotation was due on ${rotation}` }
  const deadlines = [key.expiresAt, rotation].filter((day): day is string => day !== null).sort()
  const next = deadlines[0]
  if (next === undefined) return { tone: 'ok', icon: '✓', text: 'OK', title: 'No expiry date and no rotation period' }
  const days = daysUntil(next, now)
  const what = next === key.expiresAt ? 'Expires' : 'Rotation due'
  const text = days === 0 ? `${what} today` : `${days} d left`
  return { tone: days <= window ? 'due' : 'ok', icon: days <= window ? '⚠' : '✓', text, title: `${what} on ${next}` }
}
