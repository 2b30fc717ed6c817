import { describe, expect, it } from 'vitest'
import { dueCountFromDigest, reminderFor } from '../../../../src-main/core/keys/reminderState'
import { keyRecord } from '../../helpers/keyRecordFixture'

const key = keyRecord
const at = (iso: string) => new Date(iso)

describe('reminderFor', () => {
  it('goes ok → due (14 days before) → due on the day → expired the day after', () => {
    const k = key({ expiresAt: '2027-03-01' })
    expect(reminderFor(k, at('2027-02-14T23:59:59Z')).state).toBe('ok')
    expect(reminderFor(k, at('2027-02-15T00:00:00Z'))).toMatchObject({
      state: 'due',
      reason: 'expires on 2027-03-01 (in 14 days)',
    })
    expect(reminderFor(k, at('2027-03-01T23:00:00Z'))).toMatchObject({ state: 'due', reason: 'expires today' })
    expect(reminderFor(k, at('2027-03-02T00:00:01Z'))).toMatchObject({
      state: 'expired',
      reason: 'expired on 2027-03-01',
    })
  })

  it('counts days across month ends and leap days', () => {
    // 2028 is a leap year: Feb 29 exists, so Feb 15 → Mar 1 is 15 days.
    expect(reminderFor(key({ expiresAt: '2028-03-01' }), at('2028-02-15T10:00:00Z')).state).toBe('ok')
    expect(reminderFor(key({ expiresAt: '2028-03-01' }), at('2028-02-16T10:00:00Z')).state).toBe('due')
    expect(reminderFor(key({ expiresAt: '2028-02-29' }), at('2028-02-29T10:00:00Z')).reason).toBe('expires today')
    expect(reminderFor(key({ expiresAt: '2026-01-31', remindBeforeDays: 1 }), at('2026-01-30T10:00:00Z')).state).toBe(
      'due',
    )
  })

  it('computes rotation from the last rotation (else creation) across a year boundary', () => {
    const rotated = key({ rotateEveryDays: 90, rotatedAt: '2026-10-15T09:00:00.000Z' }) // due 2027-01-13
    expect(reminderFor(rotated, at('2026-12-29T12:00:00Z')).state).toBe('ok')
    expect(reminderFor(rotated, at('2026-12-30T12:00:00Z'))).toMatchObject({
      state: 'due',
      reason: 'rotation due on 2027-01-13 (in 14 days)',
    })
    expect(reminderFor(rotated, at('2027-01-14T00:30:00Z'))).toMatchObject({
      state: 'overdue',
      reason: 'rotation was due on 2027-01-13 (1 days ago)',
    })
    expect(reminderFor(key({ rotateEveryDays: 30 }), at('2026-02-01T00:00:00Z')).deadline).toBe('2026-01-31')
  })

  it('counts UTC calendar days whatever the process timezone (instants either side of UTC midnight)', () => {
    const saved = process.env.TZ
    try {
      // 23:30 UTC on 5 Nov is already 6 Nov at UTC+14 and still 5 Nov at UTC-11: local-day arithmetic would differ.
      for (const zone of ['UTC', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/New_York', 'Asia/Kolkata']) {
        process.env.TZ = zone
        expect(reminderFor(key({ expiresAt: '2027-11-20' }), at('2027-11-05T23:30:00Z')).state, zone).toBe('ok')
        expect(reminderFor(key({ expiresAt: '2027-11-20' }), at('2027-11-06T00:30:00Z')).state, zone).toBe('due')
        expect(
          reminderFor(key({ rotateEveryDays: 1, rotatedAt: '2027-11-05T23:30:00.000Z' }), at('2027-11-06T23:59:00Z'))
            .deadline,
          zone,
        ).toBe('2027-11-06')
      }
    } finally {
      if (saved === undefined) delete process.env.TZ
      else process.env.TZ = saved
    }
  })

  it('is unaffected by DST changes: the same instant counts the same days in any timezone', () => {
    // Around the US and EU spring-forward and fall-back weekends of 2027.
    for (const instant of [
      '2027-03-14T06:59:59Z',
      '2027-03-14T07:00:01Z',
      '2027-03-28T00:59:59Z',
      '2027-03-28T01:00:01Z',
      '2027-10-31T01:30:00Z',
      '2027-11-07T06:30:00Z',
    ]) {
      const reminder = reminderFor(key({ expiresAt: '2027-11-20' }), at(instant))
      expect(reminder.state, instant).toBe(instant.startsWith('2027-11-07') ? 'due' : 'ok')
    }
  })

  it('flags keys with neither an expiry nor a rotation period; revoked keys are never due', () => {
    expect(reminderFor(key({}), at('2027-01-01T00:00:00Z'))).toMatchObject({ state: 'ok', noExpiry: true })
    expect(reminderFor(key({ status: 'revoked', expiresAt: '2020-01-01' }), at('2027-01-01T00:00:00Z')).state).toBe(
      'ok',
    )
  })
})

describe('the locked digest', () => {
  it("counts what is due while locked from the digest's dates alone (the header digest itself: cli/reminders.test.ts)", () => {
    const digest = ['2026-11-17', '2026-11-17', '2026-12-27', '2027-05-18']
    expect(dueCountFromDigest(digest, at('2027-01-01T09:00:00Z'))).toBe(3)
    expect(dueCountFromDigest(digest, at('2026-11-16T23:59:59Z'))).toBe(0)
  })
})
