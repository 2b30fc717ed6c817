import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createKey, editKey } from '../../../../src-main/core/keys/keyRepository'
import { pendingKeyNotices, snoozeKey } from '../../../../src-main/core/reminders/keyReminders'
import { setRemindBeforeDefault } from '../../../../src-main/core/vault/settings'
import type { VaultSession } from '../../../../src-main/core/vault/VaultSession'
import { manualClock, newTestVault, tempDir, testDeps } from '../../helpers/testVault'
import { keyIdOf } from '../../../../src-main/core/keys/keyRef'
import type { KeyId } from '../../../../src-main/core/keys/keyId'

let temp: ReturnType<typeof tempDir>
let session: VaultSession
let clock: ReturnType<typeof manualClock>
let keyId: KeyId

beforeEach(async () => {
  temp = tempDir()
  clock = manualClock('2027-02-01T09:00:00Z')
  session = (await newTestVault(temp.dir, testDeps(clock))).session
  keyId = createKey(session, { provider: 'aisoule', name: 'prod', expiresAt: '2027-03-01' }, 'ak_live_0000000000000')
    .key.id
})
afterEach(() => {
  session.lock()
  temp.remove()
})

const states = () => pendingKeyNotices(session).map((notice) => `${notice.ref} ${notice.state}`)

describe('per-key reminders while unlocked', () => {
  it('notify once per state change: due, then expired', () => {
    expect(states()).toEqual([])
    clock.set('2027-02-20T09:00:00Z')
    expect(pendingKeyNotices(session)).toEqual([
      {
        keyId,
        ref: 'aisoule/prod',
        state: 'due',
        title: 'Key due soon',
        body: 'aisoule/prod: expires on 2027-03-01 (in 9 days).',
      },
    ])
    expect(states()).toEqual([])
    clock.set('2027-03-02T09:00:00Z')
    expect(states()).toEqual(['aisoule/prod expired'])
    expect(states()).toEqual([])
  })

  it('a snooze of a day or a week holds even across a state change; it then notifies', () => {
    clock.set('2027-02-27T09:00:00Z')
    snoozeKey(session, keyId, '1w')
    expect(states()).toEqual([])
    clock.set('2027-03-02T09:00:00Z') // expired, still snoozed
    expect(states()).toEqual([])
    clock.set('2027-03-06T09:00:01Z')
    expect(states()).toEqual(['aisoule/prod expired'])
    snoozeKey(session, keyId, '1d')
    expect(states()).toEqual([])
  })

  it('"until the next state" is silent while due and speaks when the key expires', () => {
    clock.set('2027-02-20T09:00:00Z')
    snoozeKey(session, keyId, 'next-state')
    expect(states()).toEqual([])
    clock.set('2027-02-28T09:00:00Z')
    expect(states()).toEqual([])
    clock.set('2027-03-02T09:00:00Z')
    expect(states()).toEqual(['aisoule/prod expired'])
  })

  it('"until the next state" honours a vault-wide remind-before window other than 14 days', () => {
    setRemindBeforeDefault(session, 30)
    // 28 days before expiry: due under the 30-day window, ok under the 14-day default.
    snoozeKey(session, keyId, 'next-state')
    expect(states()).toEqual([])
    clock.set('2027-03-02T09:00:00Z')
    expect(states()).toEqual(['aisoule/prod expired'])
  })

  it('a key that returns to ok (renewed) is re-armed', () => {
    clock.set('2027-02-20T09:00:00Z')
    expect(states()).toEqual(['aisoule/prod due'])
    editKey(session, keyIdOf(session, 'prod'), { expiresAt: '2028-03-01' })
    expect(states()).toEqual([])
    clock.set('2028-02-20T09:00:00Z')
    expect(states()).toEqual(['aisoule/prod due'])
  })
})
