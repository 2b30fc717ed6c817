/** Wrong passwords allowed in a row before each further attempt has to wait. */
export const FREE_ATTEMPTS = 5
const MAX_DELAY_MS = 60_000

/** Persisted in the header, so restarting the app or the CLI does not reset it. */
export interface ThrottleState {
  readonly failures: number
  /** ISO time before which no attempt is checked, or null. */
  readonly notBefore: string | null
}

export const NO_FAILURES: ThrottleState = { failures: 0, notBefore: null }

/** After the 5th wrong password in a row: 1 s, then 2 s, 4 s … capped at 60 s. */
export function delayAfter(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0
  return Math.min(MAX_DELAY_MS, 1000 * 2 ** (failures - FREE_ATTEMPTS))
}

export function afterFailure(state: ThrottleState, now: Date): ThrottleState {
  const failures = state.failures + 1
  const delay = delayAfter(failures)
  return { failures, notBefore: delay === 0 ? null : new Date(now.getTime() + delay).toISOString() }
}

/** Milliseconds to wait before the next attempt may be checked. */
export function waitBeforeAttempt(state: ThrottleState, now: Date): number {
  if (state.notBefore === null) return 0
  const wait = Date.parse(state.notBefore) - now.getTime()
  // Never more than the cap: a notBefore far in the future (a damaged header, a clock that jumped back) must not
  // hang an unlock for days — nor overflow setTimeout, which fires at once past 2^31 ms.
  return Number.isFinite(wait) ? Math.min(MAX_DELAY_MS, Math.max(0, wait)) : MAX_DELAY_MS
}

/** The "what to do next" part of a wrong-password message. */
export function attemptsHint(state: ThrottleState): string {
  const left = FREE_ATTEMPTS - state.failures
  if (left > 0) return `${left} attempt${left === 1 ? '' : 's'} left before each further attempt waits.`
  return `Next attempt waits ${Math.round(delayAfter(state.failures) / 1000)} s.`
}
