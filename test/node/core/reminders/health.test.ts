// The health report, section by section, on a real vault with a moving clock: each section read by its own query.
import { describe, expect, it } from 'vitest'
import { createKey, editKey, markRevoked, revealValue } from '../../../../src-main/core/keys/keyRepository'
import { healthReport } from '../../../../src-main/core/reminders/health'
import { newTestVault, tempDir, testDeps } from '../../helpers/testVault'

describe('health report', () => {
  it('overdue, expired, no expiry, unused 90+ days (local use counts), duplicates; revoked keys are left out', async () => {
    const temp = tempDir('keyward-health-')
    const deps = testDeps()
    deps.clock.set('2026-01-01T10:00:00Z')
    const { session } = await newTestVault(temp.dir, deps)
    const rotating = createKey(
      session,
      { provider: 'custom', name: 'rotating', rotateEveryDays: 30 },
      'value-rotating-000001',
    ).key
    createKey(session, { provider: 'custom', name: 'expiring', expiresAt: '2026-03-01' }, 'value-expiring-000001')
    const used = createKey(
      session,
      { provider: 'custom', name: 'used', expiresAt: '2027-06-01' },
      'value-shared-00000001',
    ).key
    createKey(session, { provider: 'custom', name: 'twin', expiresAt: '2027-06-01' }, 'value-shared-00000001')
    const gone = createKey(session, { provider: 'custom', name: 'gone' }, 'value-gone-0000000001').key
    markRevoked(session, gone.id, 'guided')

    deps.clock.set('2026-03-20T10:00:00Z')
    revealValue(session, used.id) // a local use 78 days in: not unused on the day below
    deps.clock.set('2026-05-01T10:00:00Z')
    const report = healthReport(session)
    const refs = (section: keyof typeof report.sections) => report.sections[section].map((entry) => entry.ref)
    expect(report.keys).toBe(4)
    expect(report.sections.overdue).toEqual([
      {
        keyId: rotating.id,
        ref: 'custom/rotating',
        detail: 'rotation was due on 2026-01-31 (90 days ago)',
        file: null,
        exposure: null,
      },
    ])
    expect(refs('expired')).toEqual(['custom/expiring'])
    expect(refs('no expiry')).toEqual([])
    expect(refs('unused 90+ days')).toEqual(['custom/expiring', 'custom/rotating', 'custom/twin'])
    expect(report.sections['unused 90+ days'][0]?.detail).toBe(
      'last used 2026-01-01 (120 days ago, as far as Keyward saw)',
    )
    expect(report.sections['duplicate values'].map((entry) => [entry.ref, entry.detail])).toEqual([
      ['custom/twin', 'same value as custom/used'],
      ['custom/used', 'same value as custom/twin'],
    ])
    editKey(session, rotating.id, { rotateEveryDays: null })
    expect(healthReport(session).sections['no expiry'].map((entry) => entry.ref)).toEqual(['custom/rotating'])
    session.lock()
    temp.remove()
  })
})
