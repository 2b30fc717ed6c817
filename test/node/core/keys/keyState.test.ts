// A key's state has one definition (core/reminders/keyState): the per-key rule, and the indexed SQL behind Needs
// attention, its count, its sidebar view, the tray, `keyward due` and the locked digest. A property test holds the
// SQL to the rule on random vaults; a new value clears the provider's old answer.
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { countNeedingAttention, dueFromDays, keysNeedingAttention } from '../../../../src-main/core/keys/deadlineStore'
import { findKeys } from '../../../../src-main/core/keys/keyQuery'
import type { KeyRecord } from '../../../../src-main/core/keys/keyRecord'
import { createKey, listKeys, setKeyValue } from '../../../../src-main/core/keys/keyRepository'
import { dueWithin } from '../../../../src-main/core/reminders/attention'
import { keyStateOf } from '../../../../src-main/core/keys/keyState'
import { dueCountFromDigest } from '../../../../src-main/core/keys/reminderState'
import { setRemindBeforeDefault } from '../../../../src-main/core/vault/settings'
import type { VaultSession } from '../../../../src-main/core/vault/VaultSession'
import { keyRecord } from '../../helpers/keyRecordFixture'
import { newTestVault, tempDir, testDeps } from '../../helpers/testVault'

const TODAY = '2026-11-24'
const NOW = new Date(`${TODAY}T10:00:00Z`)
const day = (offset: number) =>
  new Date(Date.parse(`${TODAY}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10)

let temp: ReturnType<typeof tempDir>
let session: VaultSession

beforeEach(async () => {
  temp = tempDir('keyward-key-state-')
  const deps = testDeps()
  deps.clock.set(`${TODAY}T10:00:00Z`)
  session = (await newTestVault(temp.dir, deps)).session
})
afterEach(() => {
  session.lock()
  temp.remove()
})

const record = (fields: Partial<KeyRecord>) => keyRecord({ createdAt: `${TODAY}T00:00:00.000Z`, ...fields })

describe('keyStateOf', () => {
  const verified = (result: string) => ({ lastVerifiedAt: `${TODAY}T09:00:00.000Z`, lastVerifyResult: result })

  it('says what the provider last said: rejected, unreachable, restricted, live; never asked is neutral', () => {
    const kinds = [
      keyStateOf(record(verified('invalid')), NOW, 14),
      keyStateOf(record(verified('PROVIDER_UNREACHABLE')), NOW, 14),
      keyStateOf(record(verified('restricted')), NOW, 14),
      keyStateOf(record(verified('ok')), NOW, 14),
      keyStateOf(record({}), NOW, 14),
    ].map((state) => [state.kind, state.attention])
    expect(kinds).toEqual([
      ['rejected', true],
      ['unreachable', false],
      ['restricted', false],
      ['ok', false],
      ['unverified', false],
    ])
  })

  it('orders the states: revoked, expired, rejected, overdue, due, then what the provider said', () => {
    const rejected = verified('invalid')
    expect(keyStateOf(record({ ...rejected, status: 'revoked', expiresAt: day(-1) }), NOW, 14).kind).toBe('revoked')
    expect(keyStateOf(record({ ...rejected, expiresAt: day(-1) }), NOW, 14).kind).toBe('expired')
    expect(keyStateOf(record({ ...rejected, expiresAt: day(3) }), NOW, 14).kind).toBe('rejected')
    const overdue = { rotateEveryDays: 10, createdAt: `${day(-30)}T00:00:00.000Z` }
    expect(keyStateOf(record({ ...rejected, ...overdue }), NOW, 14).kind).toBe('rejected')
    expect(keyStateOf(record({ ...verified('PROVIDER_UNREACHABLE'), ...overdue }), NOW, 14).kind).toBe('overdue')
    expect(keyStateOf(record({ ...verified('restricted'), expiresAt: day(3) }), NOW, 14)).toMatchObject({
      kind: 'due',
      reason: `expires on ${day(3)} (in 3 days)`,
    })
  })
})

describe('the stored answer', () => {
  it('a new value clears what the provider said about the old one', () => {
    const { key } = createKey(session, { provider: 'custom', name: 'k' }, 'first-value-000000001')
    session
      .sql("UPDATE keys SET last_verified_at = ?, last_verify_result = 'invalid' WHERE id = ?")
      .run(NOW.toISOString(), key.id)
    expect(countNeedingAttention(session, 14)).toBe(1)
    setKeyValue(session, key.id, 'second-value-00000002', 'replaced')
    const after = listKeys(session)[0]
    expect(after).toMatchObject({ lastVerifiedAt: null, lastVerifyResult: null })
    expect(after === undefined ? null : keyStateOf(after, NOW, 14).kind).toBe('unverified')
    expect(countNeedingAttention(session, 14)).toBe(0)
  })
})

/** One random key: its dates, revoked or not, and what its last verify answered. */
const randomKey = fc.record({
  expires: fc.option(fc.integer({ min: -40, max: 60 }), { nil: null }),
  rotateEvery: fc.option(fc.integer({ min: 1, max: 60 }), { nil: null }),
  age: fc.integer({ min: 0, max: 90 }),
  remindBefore: fc.option(fc.integer({ min: 0, max: 45 }), { nil: null }),
  revoked: fc.boolean(),
  result: fc.constantFrom(null, 'ok', 'restricted', 'invalid', 'PROVIDER_UNREACHABLE', 'PROVIDER_BAD_RESPONSE'),
})

describe('Needs attention: the SQL agrees with the per-key rule', () => {
  it('on random vaults: the count, the view, is:attention, is:rejected, `keyward due` and the locked digest', () => {
    let run = 0
    fc.assert(
      fc.property(fc.array(randomKey, { maxLength: 25 }), fc.integer({ min: 0, max: 30 }), (keys, window) => {
        run += 1
        session.sql('DELETE FROM keys').run()
        setRemindBeforeDefault(session, window)
        keys.forEach((spec, i) => {
          const { key } = createKey(
            session,
            {
              provider: 'custom',
              name: `r${run}-k${i}`,
              expiresAt: spec.expires === null ? null : day(spec.expires),
              rotateEveryDays: spec.rotateEvery,
              remindBeforeDays: spec.remindBefore,
            },
            `random-value-${run}-${i}-0000`,
          )
          session
            .sql(
              `UPDATE keys SET created_at = ?, status = ?, last_verify_result = ?, last_verified_at = ? WHERE id = ?`,
            )
            .run(
              `${day(-spec.age)}T08:00:00.000Z`,
              spec.revoked ? 'revoked' : 'active',
              spec.result,
              spec.result === null ? null : NOW.toISOString(),
              key.id,
            )
        })
        const all = listKeys(session)
        const byRule = all
          .filter((key) => keyStateOf(key, NOW, window).attention)
          .map((key) => key.ref)
          .sort()
        const rejected = all
          .filter((key) => keyStateOf(key, NOW, window).kind === 'rejected')
          .map((key) => key.ref)
          .sort()
        const refs = (list: readonly { ref: string }[]) => list.map((key) => key.ref).sort()
        expect(countNeedingAttention(session, window)).toBe(byRule.length)
        expect(refs(keysNeedingAttention(session, window, 1000).keys)).toEqual(byRule)
        expect(refs(findKeys(session, 'is:attention', 1000))).toEqual(byRule)
        expect(refs(findKeys(session, 'is:rejected', 1000))).toEqual(rejected)
        expect(refs(dueWithin(session, 0).filter((state) => state.attention))).toEqual(byRule)
        expect(dueCountFromDigest(dueFromDays(session, window), NOW)).toBe(byRule.length)
      }),
      { numRuns: 60 },
    )
  })
})
