import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Notice } from '../../../../src-main/core/ports/Notifier'
import { startLockedReminders } from '../../../../src-main/core/reminders/lockedReminders'
import { manualClock } from '../../helpers/testVault'

beforeEach(() => void vi.useFakeTimers())
afterEach(() => void vi.useRealTimers())

function harness(digest: string[] | null, start = '2027-01-10T09:00:00Z') {
  const clock = manualClock(start)
  const notices: Notice[] = []
  const clicks: (() => void)[] = []
  const opened: number[] = []
  const counts: number[] = []
  let resume: () => void = () => undefined
  const reminders = startLockedReminders({
    clock,
    notifier: {
      notify: (notice, onClick) => {
        notices.push(notice)
        clicks.push(onClick)
      },
    },
    power: { onResume: (listener) => void (resume = listener) },
    timers: globalThis,
    readDigest: () => digest,
    showCount: (count) => void counts.push(count),
    open: (due) => void opened.push(due),
  })
  return { clock, notices, clicks, opened, counts, resume: () => resume(), reminders }
}

describe('reminders while locked', () => {
  it('notifies the count from the digest, with no name in it; a click opens the window on what is due', () => {
    const { notices, counts, clicks, opened } = harness(['2027-01-01', '2027-01-09', '2027-02-01'])
    expect(counts).toEqual([2])
    clicks[0]?.()
    expect(opened).toEqual([2])
    expect(notices).toEqual([
      { title: 'Keyward', body: '2 keys are due for rotation or expiring — unlock to see which.' },
    ])
  })

  it('re-evaluates hourly and on resume, notifying only when the count rises', () => {
    const { clock, notices, counts, resume } = harness(['2027-01-01', '2027-01-11'])
    expect(counts).toEqual([1])
    clock.set('2027-01-10T23:30:00Z')
    vi.advanceTimersByTime(60 * 60 * 1000)
    expect(counts).toEqual([1, 1])
    clock.set('2027-01-11T08:00:00Z') // the laptop slept through midnight
    resume()
    expect(counts).toEqual([1, 1, 2])
    expect(notices.map((notice) => notice.body)).toEqual([
      '1 key is due for rotation or expiring — unlock to see which.',
      '2 keys are due for rotation or expiring — unlock to see which.',
    ])
  })

  it('stays quiet without a vault', () => {
    expect(harness(null).notices).toEqual([])
  })

  it('a damaged header (the digest read throws) counts 0 and notifies nothing, and later reads go on', async () => {
    let damaged = true
    const clock = manualClock('2027-01-10T09:00:00Z')
    const notices: Notice[] = []
    const counts: number[] = []
    expect(() =>
      startLockedReminders({
        clock,
        notifier: { notify: (notice) => void notices.push(notice) },
        power: { onResume: () => undefined },
        timers: globalThis,
        readDigest: () => {
          if (damaged) throw new SyntaxError('vault.json is not JSON')
          return ['2027-01-01']
        },
        showCount: (count) => void counts.push(count),
        open: () => undefined,
      }),
    ).not.toThrow()
    expect({ notices, counts }).toEqual({ notices: [], counts: [0] })
    damaged = false
    await vi.advanceTimersByTimeAsync(60 * 60 * 1000)
    expect(counts).toEqual([0, 1])
    expect(notices).toHaveLength(1)
  })
})
