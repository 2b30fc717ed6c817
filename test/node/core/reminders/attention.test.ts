// Needs attention and Health on a real vault: every date counted, the longest remind-before honoured, and every
// query read through an index (the plans SQLite itself reports), which is what keeps them in budget at 100k keys.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createKey, importKeys, revealValue } from '../../../../src-main/core/keys/keyRepository'
import { attention } from '../../../../src-main/core/reminders/attention'
import { healthReport } from '../../../../src-main/core/reminders/health'
import type { VaultSession } from '../../../../src-main/core/vault/VaultSession'
import { newTestVault, tempDir, testDeps } from '../../helpers/testVault'

const DAY_MS = 86_400_000
const TODAY = '2026-11-24'
const day = (offset: number) => new Date(Date.parse(`${TODAY}T00:00:00Z`) + offset * DAY_MS).toISOString().slice(0, 10)

let temp: ReturnType<typeof tempDir>
let session: VaultSession

beforeEach(async () => {
  temp = tempDir('keyward-attention-')
  const deps = testDeps()
  deps.clock.set(`${TODAY}T10:00:00Z`)
  session = (await newTestVault(temp.dir, deps)).session
})

afterEach(() => {
  session.lock()
  temp.remove()
})

/** The plan SQLite reports for each statement `run` prepares (parameters bound to null: plans do not read them). */
function plansOf(run: () => void): string[] {
  const sql = vi.spyOn(session, 'sql')
  run()
  const texts = sql.mock.calls.map(([text]) => text)
  sql.mockRestore()
  return texts.flatMap((text) => {
    const named = Object.fromEntries([...text.matchAll(/@(\w+)/g)].map((match) => [match[1], null]))
    const positional = Array.from(text.match(/\?/g) ?? [], () => null)
    const args = Object.keys(named).length > 0 ? [named] : positional
    const plan = (session.db.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...args) as { detail: string }[]).map(
      (row) => row.detail,
    )
    // A subquery aliased `keys` (the few rows it picked) is scanned under that name: not a scan of the table.
    const subquery = plan.some((detail) => /^(CO-ROUTINE|MATERIALIZE) keys$/.test(detail))
    return plan.map((detail) => (/^SCAN (keys|events)$/.test(detail) && !subquery ? `${detail} in ${text}` : detail))
  })
}

describe('needs attention and health at scale', () => {
  it('no query scans the keys table or the audit trail; index scans only of partial or covering indexes', () => {
    importKeys(
      session,
      Array.from({ length: 40 }, (_, i) => ({
        key: {
          provider: 'bulk',
          name: `k${i}`,
          expiresAt: i % 2 === 0 ? day(i) : null,
          rotateEveryDays: i % 3 === 0 ? 30 : null,
        },
        value: `bulk-value-${i}-00000000`,
      })),
    )
    const plans = plansOf(() => {
      attention(session)
      healthReport(session, 2000)
    })
    expect(plans.some((detail) => /USING (COVERING )?INDEX keys_deadline/.test(detail))).toBe(true)
    expect(plans.filter((detail) => /^SCAN (keys|events) in/.test(detail))).toEqual([])
    const indexScans = plans.filter((detail) => /^SCAN (keys|events) USING/.test(detail))
    expect(indexScans.filter((detail) => !/COVERING INDEX|INDEX keys_undated/.test(detail))).toEqual([])
  })

  it('the timeline counts every date per week though it lists only the first; a long remind-before is due early', () => {
    importKeys(
      session,
      Array.from({ length: 620 }, (_, i) => ({
        key: { provider: 'bulk', name: `k${String(i).padStart(3, '0')}`, expiresAt: day(1 + (i % 90)) },
        value: `bulk-value-${i}-00000000`,
      })),
    )
    createKey(session, { provider: 'custom', name: 'rotating', rotateEveryDays: 8 }, 'rotating-value-000001')
    createKey(
      session,
      { provider: 'custom', name: 'early', expiresAt: day(150), remindBeforeDays: 160 },
      'early-value-00000001',
    )
    const found = attention(session, { items: 50, noExpiry: 10, dates: 500 })
    expect(found.timeline.total).toBe(621)
    expect(found.timeline.weeks.reduce((sum, week) => sum + week.expiry + week.rotation, 0)).toBe(621)
    expect(found.timeline.weeks[1]).toEqual({ from: day(7), expiry: 49, rotation: 1 }) // days 7–13: 7 of each of 90 days
    expect(found.timeline.dates).toHaveLength(500)
    expect(found.timeline.dates[0]).toMatchObject({ ref: 'bulk/k000', date: day(1), kind: 'expiry' })
    expect(found.timeline.dates.map((date) => date.date)).toEqual(found.timeline.dates.map((date) => date.date).sort())
    expect(found.items.find((item) => item.key.ref === 'custom/early')).toBeUndefined() // the soonest come first
    expect(attention(session).items.find((item) => item.key.ref === 'custom/early')).toMatchObject({
      state: 'due',
      days: 150,
    })
    // early, rotating (due in 8 days), and the bulk keys expiring within 14 days: days 1–14, 7 keys a day
    expect(found.itemsTotal).toBe(2 + 14 * 7)
    expect(found.items).toHaveLength(50)
  })

  it('a reveal counts as use (kept on the key by the trigger); a copy does not', () => {
    const created = day(-200)
    const key = createKey(session, { provider: 'custom', name: 'old', expiresAt: day(300) }, 'old-value-0000000001').key
    session.db.prepare('UPDATE keys SET created_at = ? WHERE id = ?').run(`${created}T10:00:00Z`, key.id)
    const unused = () => healthReport(session).sections['unused 90+ days'].map((entry) => entry.ref)
    expect(unused()).toEqual(['custom/old'])
    revealValue(session, key.id, 'copied')
    expect(unused()).toEqual(['custom/old'])
    revealValue(session, key.id)
    expect(unused()).toEqual([])
  })
})
