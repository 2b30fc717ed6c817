import { describe, expect, it } from 'vitest'
import { afterFailure, delayAfter, NO_FAILURES, waitBeforeAttempt } from '../../../../src-main/core/vault/throttle'

describe('throttle', () => {
  it('lets five wrong passwords through, then waits 1 s, 2 s, 4 s … capped at 60 s', () => {
    expect([1, 2, 3, 4].map(delayAfter)).toEqual([0, 0, 0, 0])
    expect([5, 6, 7, 8, 9, 10, 11, 12, 30].map(delayAfter)).toEqual([
      1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000,
    ])
  })

  it('sets notBefore from the failure time and reports the remaining wait', () => {
    let state = NO_FAILURES
    const now = new Date('2026-01-01T00:00:00Z')
    for (let i = 0; i < 5; i++) state = afterFailure(state, now)
    expect(state).toEqual({ failures: 5, notBefore: '2026-01-01T00:00:01.000Z' })
    expect(waitBeforeAttempt(state, new Date('2026-01-01T00:00:00.400Z'))).toBe(600)
    expect(waitBeforeAttempt(state, new Date('2026-01-01T00:00:02Z'))).toBe(0)
  })

  it('never waits longer than the cap, whatever notBefore says (far future, unparseable)', () => {
    const now = new Date('2026-01-01T00:00:00Z')
    expect(waitBeforeAttempt({ failures: 9, notBefore: '+275760-09-13T00:00:00.000Z' }, now)).toBe(60_000)
    expect(waitBeforeAttempt({ failures: 9, notBefore: '3000-01-01T00:00:00Z' }, now)).toBe(60_000)
    expect(waitBeforeAttempt({ failures: 9, notBefore: 'tomorrow' }, now)).toBe(60_000)
  })
})
