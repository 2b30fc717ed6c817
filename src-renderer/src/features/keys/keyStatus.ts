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
export function statusOf(key: KeySummary, now = new Date()): StatusView {
  if (key.status === 'revoked') return { tone: 'revoked', icon: '⊘', text: 'Revoked', title: 'Revoked at the provider' }
  if (key.expiresAt === null) return { tone: 'ok', icon: '✓', text: 'OK', title: 'No expiry date' }
  const days = daysUntil(key.expiresAt, now)
  if (days < 0) return { tone: 'expired', icon: '✕', text: 'Expired', title: `Expired on ${key.expiresAt}` }
  const window = key.remindBeforeDays ?? 14
  const text = days === 0 ? 'Expires today' : `${days} d left`
  return { tone: days <= window ? 'due' : 'ok', icon: days <= window ? '⚠' : '✓', text, title: `Expires on ${key.expiresAt}` }
}
