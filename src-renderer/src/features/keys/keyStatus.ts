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

/**
 * The status pill of a row, from the reminder state main computed (expiry, rotation period, the vault's
 * remind-before setting): revoked, expired, rotation overdue, due with days left, or OK.
 */
export function statusOf(key: KeySummary, now = new Date()): StatusView {
  const { state, reason, deadline } = key.reminder
  if (key.status === 'revoked') return { tone: 'revoked', icon: '⊘', text: 'Revoked', title: 'Revoked at the provider' }
  if (state === 'expired') return { tone: 'expired', icon: '✕', text: 'Expired', title: reason }
  if (state === 'overdue') return { tone: 'expired', icon: '↻', text: 'Rotation overdue', title: reason }
  if (state === 'due' && deadline !== null) {
    const days = daysUntil(deadline, now)
    return { tone: 'due', icon: '⚠', text: days <= 0 ? 'Due today' : `${days} d left`, title: reason }
  }
  return { tone: 'ok', icon: '✓', text: 'OK', title: reason }
}
