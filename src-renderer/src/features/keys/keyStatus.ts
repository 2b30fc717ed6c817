import type { KeySummary } from '../../../../src-preload/contract'

const DAY_MS = 86_400_000

type Kind = KeySummary['state']['kind']

export interface StatusView {
  readonly tone: 'ok' | 'due' | 'expired' | 'revoked' | 'neutral'
  /** Icon and text together: status is never colour alone. */
  readonly icon: string
  readonly text: string
  readonly title: string
}

function daysUntil(isoDay: string, now: Date): number {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())
  return Math.round((Date.parse(`${isoDay}T00:00:00Z`) - today) / DAY_MS)
}

/** Each state's pill; `due` gets its days left from the deadline. */
const PILLS: Record<Exclude<Kind, 'due'>, Omit<StatusView, 'title'>> = {
  revoked: { tone: 'revoked', icon: '⊘', text: 'Revoked' },
  expired: { tone: 'expired', icon: '✕', text: 'Expired' },
  rejected: { tone: 'expired', icon: '✕', text: 'Rejected' },
  overdue: { tone: 'expired', icon: '↻', text: 'Rotation overdue' },
  unreachable: { tone: 'due', icon: '?', text: 'Unreachable' },
  restricted: { tone: 'ok', icon: '✓', text: 'Restricted' },
  unverified: { tone: 'neutral', icon: '–', text: 'Not verified' },
  ok: { tone: 'ok', icon: '✓', text: 'Live' },
}

/**
 * A key's status pill, from the state main computed (core/reminders/keyState: the dates, the remind-before setting
 * and the provider's last answer). Only the days left of a due key are worked out here, for today's date.
 */
export function statusOf(key: KeySummary, now = new Date()): StatusView {
  const { kind, reason, deadline } = key.state
  if (kind === 'due') {
    const days = deadline === null ? 0 : daysUntil(deadline, now)
    return { tone: 'due', icon: '⚠', text: days <= 0 ? 'Due today' : `${days} d left`, title: reason }
  }
  return { ...PILLS[kind], title: reason }
}
