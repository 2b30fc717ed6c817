// The renderer's data layer under Node, with a fake window.keyward at the port (issue 19): views read through the
// store, main's events and the window's own commands refresh what they touch, a lock drops everything.
import { beforeEach, describe, expect, it } from 'vitest'
import { fakeKeyward, settle } from './fakeKeyward'
import { useKeywardStore } from '../../src-renderer/src/store'
import { command } from '../../src-renderer/src/store/commands'
import { readKey } from '../../src-renderer/src/store/readsSlice'

let version = 0
let keyward: ReturnType<typeof fakeKeyward>

beforeEach(() => {
  version = 0
  keyward = fakeKeyward({
    'health:report': () => ({ keys: ++version, recoveryKitConfirmed: true, sections: [] }),
    'reminders:attention': () => ({
      today: '2026-12-07',
      items: [],
      itemsTotal: ++version,
      noExpiry: { count: 0, keys: [] },
    }),
    'settings:get': () => ({ autoLockMinutes: ++version }),
    'audit:page': () => ({ events: [], more: false, actions: [String(++version)] }),
    'key:snooze': () => ({ snoozedUntil: '2026-12-08T00:00:00.000Z' }),
    'key:reveal': () => ({ value: 'not-shown' }),
    'settings:set': () => ({}),
  })
  useKeywardStore.setState(useKeywardStore.getInitialState(), true)
})

const data = (key: string) => useKeywardStore.getState().reads[key]?.data
const health = readKey('health:report', {})
const attention = readKey('reminders:attention', {})
const settings = readKey('settings:get', {})

describe('reads', () => {
  it('a shown read is fetched once for all who show it, and forgotten when nobody does', async () => {
    const { watchRead } = useKeywardStore.getState()
    const stopA = watchRead('health:report', {})
    const stopB = watchRead('health:report', {})
    await settle()
    expect(keyward.count('health:report')).toBe(1)
    expect(data(health)).toMatchObject({ keys: 1 })
    stopA()
    expect(data(health)).toMatchObject({ keys: 1 })
    stopB()
    expect(useKeywardStore.getState().reads[health]).toBeUndefined()
    useKeywardStore.getState().refreshReads(['keys'])
    expect(keyward.count('health:report')).toBe(1)
  })

  it("main's keys:changed refreshes the shown Health, Needs attention and Activity — not Settings", async () => {
    const stop = useKeywardStore.getState().listen()
    const { watchRead } = useKeywardStore.getState()
    watchRead('health:report', {})
    watchRead('reminders:attention', {})
    watchRead('audit:page', { beforeId: null, action: null, keyRef: null })
    watchRead('settings:get', {})
    await settle()
    keyward.emit('keys:changed', {})
    await settle()
    expect(keyward.count('health:report')).toBe(2)
    expect(keyward.count('reminders:attention')).toBe(2)
    expect(keyward.count('audit:page')).toBe(2)
    expect(keyward.count('settings:get')).toBe(1)
    stop()
  })

  it('a command refreshes what it touched: a snooze Needs attention, a setting Settings and the reminders', async () => {
    const { watchRead } = useKeywardStore.getState()
    watchRead('health:report', {})
    watchRead('reminders:attention', {})
    watchRead('settings:get', {})
    await settle()
    await command('key:snooze', { id: '00000000-0000-4000-8000-000000000000', snooze: '1d' })
    await settle()
    expect([
      keyward.count('reminders:attention'),
      keyward.count('health:report'),
      keyward.count('settings:get'),
    ]).toEqual([2, 2, 1])
    await command('settings:set', { remindBeforeDays: 7 })
    await settle()
    expect([
      keyward.count('reminders:attention'),
      keyward.count('health:report'),
      keyward.count('settings:get'),
    ]).toEqual([3, 3, 2])
    // A reveal writes the audit trail: Activity follows.
    watchRead('audit:page', { beforeId: null, action: null, keyRef: null })
    await settle()
    await command('key:reveal', { id: '00000000-0000-4000-8000-000000000000' })
    await settle()
    expect(keyward.count('audit:page')).toBe(2)
  })

  it('a lock drops every answer and the recovery code; the unlock fetches what is shown again', async () => {
    const stop = useKeywardStore.getState().listen()
    useKeywardStore.getState().watchRead('health:report', {})
    useKeywardStore.getState().showRecoveryCode('ABCD-EFGH')
    await settle()
    expect(data(health)).not.toBeNull()
    keyward.emit('vault:state', { state: 'locking' })
    expect(data(health)).toBeNull()
    expect(useKeywardStore.getState().recoveryCode).toBeNull()
    keyward.emit('vault:state', { state: 'unlocked' })
    await settle()
    expect(data(health)).toMatchObject({ keys: 2 })
    stop()
  })

  it('an answer that arrives after a newer one is dropped', async () => {
    const { watchRead, refreshReads } = useKeywardStore.getState()
    watchRead('reminders:attention', {})
    await settle()
    keyward.hold()
    refreshReads(['keys'])
    refreshReads(['keys'])
    keyward.releaseAll('reversed')
    await settle()
    expect(data(attention)).toMatchObject({ itemsTotal: 3 })
    expect(data(settings)).toBeUndefined()
  })
})
