// Grants "for this terminal" on a fake clock: 10 minutes idle (refreshed on use), 12 hours at most, per terminal
// session and key; everything ends on clear() (the vault locked).
import { describe, expect, it } from 'vitest'
import { GRANT_IDLE_MS, GRANT_MAX_MS, GrantStore } from '../../../../src-main/core/agent/grants'
import { manualClock } from '../../helpers/testVault'

const key = (keyId: string) => ({ kind: 'value', keyId }) as const

describe('GrantStore', () => {
  it('holds a grant while used, until 10 idle minutes pass', () => {
    const clock = manualClock()
    const grants = new GrantStore(clock)
    grants.grant('tty-1', [key('a')])
    clock.advance(GRANT_IDLE_MS - 1)
    expect(grants.holds('tty-1', key('a'))).toBe(true)
    clock.advance(GRANT_IDLE_MS - 1)
    expect(grants.holds('tty-1', key('a'))).toBe(true)
    clock.advance(GRANT_IDLE_MS + 1)
    expect(grants.holds('tty-1', key('a'))).toBe(false)
  })

  it('ends a grant after 12 hours even when used every minute', () => {
    const clock = manualClock()
    const grants = new GrantStore(clock)
    grants.grant('tty-1', [key('a')])
    let held = true
    for (let elapsed = 0; elapsed <= GRANT_MAX_MS + 60_000 && held; elapsed += 60_000) {
      held = grants.holds('tty-1', key('a'))
      clock.advance(60_000)
    }
    expect(held).toBe(false)
    expect(grants.holds('tty-1', key('a'))).toBe(false)
  })

  it('covers only its terminal and its key; a caller without a terminal holds nothing', () => {
    const grants = new GrantStore(manualClock())
    grants.grant('tty-1', [key('a'), { kind: 'metadata' }])
    expect(grants.holds('tty-2', key('a'))).toBe(false)
    expect(grants.holds('tty-1', key('b'))).toBe(false)
    expect(grants.holds(null, key('a'))).toBe(false)
    expect(grants.holds('tty-1', { kind: 'metadata' })).toBe(true)
  })

  it('ends every grant on clear (the vault locked)', () => {
    const grants = new GrantStore(manualClock())
    grants.grant('tty-1', [key('a'), key('b')])
    grants.clear()
    expect(grants.size).toBe(0)
    expect(grants.holds('tty-1', key('a'))).toBe(false)
  })
})
