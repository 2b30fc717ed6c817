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

/** After a wrong password: one more failure, and no attempt before its delay — or a later turn already taken. */
export function afterFailure(state: ThrottleState, now: Date): ThrottleState {
  const failures = state.failures + 1
  const delay = delayAfter(failures)
  const taken = now.getTime() + waitBeforeAttempt(state, now)
  const notBefore = Math.max(now.getTime() + delay, state.notBefore === null ? 0 : taken)
  return { failures, notBefore: notBefore <= now.getTime() ? null : new Date(notBefore).toISOString() }
}

const FAR_FUTURE_MS = 24 * 60 * 60 * 1000

/** Milliseconds to wait before the next attempt may be checked. */
export function waitBeforeAttempt(state: ThrottleState, now: Date): number {
  if (state.notBefore === null) return 0
  const wait = Date.parse(state.notBefore) - now.getTime()
  // A notBefore a day or more ahead (a damaged header, a clock that jumped back) must not hang an unlock for days —
  // nor overflow setTimeout, which fires at once past 2^31 ms: it counts as one longest delay. Nearer ones are
  // turns other attempts have queued for (see takeTurn) and are waited out in full.
  return Number.isFinite(wait) && wait < FAR_FUTURE_MS ? Math.max(0, wait) : MAX_DELAY_MS
}

/**
 * Takes the next turn to check a password: its wait, and the state that pushes the turn after it one delay
 * further. Once wrong passwords have piled up, attempts made at the same moment (eight processes guessing at
 * once) each get their own turn instead of all waiting the same delay and then guessing together.
 */
export function takeTurn(state: ThrottleState, now: Date): { readonly waitMs: number; readonly state: ThrottleState } {
  const waitMs = waitBeforeAttempt(state, now)
  if (state.failures < FREE_ATTEMPTS) return { waitMs, state }
  const next = now.getTime() + waitMs + delayAfter(state.failures)
  return { waitMs, state: { failures: state.failures, notBefore: new Date(next).toISOString() } }
}

/** The "what to do next" part of a wrong-password message. */
export function attemptsHint(state: ThrottleState): string {
  const left = FREE_ATTEMPTS - state.failures
  if (left > 0) return `${left} attempt${left === 1 ? '' : 's'} left before each further attempt waits.`
  return `Next attempt waits ${Math.round(delayAfter(state.failures) / 1000)} s.`
}
