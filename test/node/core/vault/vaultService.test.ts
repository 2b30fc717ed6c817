// The vault service: lifecycle, work in flight across a lock, auto-lock, quarantined rotations.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createKey, readSecretValue, revealValue } from '../../../../src-main/core/keys/keyRepository'
import { verifyKey } from '../../../../src-main/core/providers/keyOperations'
import { rotateKey } from '../../../../src-main/core/providers/apiRotation'
import { writePendingRotation } from '../../../../src-main/core/providers/pendingRotations'
import type { HttpDeps } from '../../../../src-main/core/providers/providerHttp'
import type { PowerEvents } from '../../../../src-main/core/ports/PowerEvents'
import type { IntervalTimers } from '../../../../src-main/core/ports/Timers'
import { auditEvents } from '../../../../src-main/core/vault/audit'
import { readHeader } from '../../../../src-main/core/vault/header'
import { unlockWithPassword } from '../../../../src-main/core/vault/unlockVault'
import { VaultService, type VaultChange, type VaultState } from '../../../../src-main/core/vault/VaultService'
import { startSimulator, bearer, type RunningSimulator } from '../../../simulators/simulatorServer'
import { FAST_KDF, PASSWORD, tempDir, testDeps } from '../../helpers/testVault'
import { keyIdOf } from '../../../../src-main/core/keys/keyRef'

const OLD = 'sm_before_the_lock_000000'
const valid = new Set<string>()
let release: () => void = () => undefined
let simulator: RunningSimulator
let http: HttpDeps

beforeAll(async () => {
  // Solenoid Meter's contract as the adapter documents it; the rotation answers only when the test releases it.
  simulator = await startSimulator(async (request) => {
    const key = bearer(request)
    if (key === undefined || !valid.has(key)) return { status: 401, body: { error: { code: 'unauthorized' } } }
    if (request.path === '/v1/slow/meter/balance') return new Promise(() => undefined)
    if (request.path === '/v1/keys/rotate') {
      await new Promise<void>((resolve) => (release = resolve))
      const next = `sm_rotated_${Date.now()}_0000`
      valid.delete(key)
      valid.add(next)
      return { status: 200, body: { key: next } }
    }
    return { status: 404, body: {} }
  })
  http = { fetch, sleep: async () => undefined, env: { KEYWARD_SOLENOID_METER_BASE_URL: `${simulator.origin}/v1` } }
})
afterAll(() => simulator.close())

/** Timers whose interval callbacks the test fires by hand, so auto-lock and the change feed run on the fake clock. */
function manualTimers(): IntervalTimers & { tick(): void; active: number } {
  const callbacks = new Map<number, () => void>()
  let next = 1
  return {
    setTimeout: () => 0,
    clearTimeout: () => undefined,
    setInterval: (callback) => {
      callbacks.set(next, callback)
      return next++
    },
    clearInterval: (handle) => void callbacks.delete(handle as number),
    tick: () => [...callbacks.values()].forEach((callback) => callback()),
    get active() {
      return callbacks.size
    },
  }
}

function fakePower(): PowerEvents & { emit(event: 'suspend' | 'lock-screen'): void; idleSeconds: number } {
  const listeners = { suspend: [] as (() => void)[], 'lock-screen': [] as (() => void)[] }
  const power = {
    idleSeconds: 0,
    onResume: () => undefined,
    onSuspend: (listener: () => void) => void listeners.suspend.push(listener),
    onLockScreen: (listener: () => void) => void listeners['lock-screen'].push(listener),
    systemIdleSeconds: () => power.idleSeconds,
    emit: (event: 'suspend' | 'lock-screen') => listeners[event].forEach((listener) => listener()),
  }
  return power
}

let temp: ReturnType<typeof tempDir>
beforeEach(() => {
  temp = tempDir('keyward-service-')
  valid.clear()
  valid.add(OLD)
})
afterEach(() => temp.remove())

async function unlockedService(extra: { timers?: IntervalTimers; power?: PowerEvents } = {}) {
  const deps = testDeps()
  const service = new VaultService({ ...deps, ...extra, dir: path.join(temp.dir, 'vault') })
  const states: VaultState[] = []
  service.onState((state) => states.push(state))
  await service.create(PASSWORD, { kdf: FAST_KDF })
  return { service, states, deps }
}

describe('lifecycle', () => {
  it('moves no-vault → unlocking → unlocked → locking → locked, and refuses work unless unlocked', async () => {
    const { service, states } = await unlockedService()
    expect(
      await service.run(
        ({ session }) => createKey(session, { provider: 'solo', name: 'a' }, 'solo-value-000000').key.ref,
      ),
    ).toBe('solo/a')
    await service.lock('user')
    expect(states).toEqual(['unlocking', 'unlocked', 'locking', 'locked'])
    await expect(service.run(() => 1)).rejects.toMatchObject({ code: 'VAULT_LOCKED' })
    await service.unlock({ password: PASSWORD })
    const actions = await service.run(({ session }) => auditEvents(session).map((event) => event.action))
    expect(actions.filter((action) => action !== 'backup')).toEqual(['unlocked', 'locked', 'created', 'vault-created'])
    await service.lock('user')
  })

  it('a wrong password leaves it locked and says so', async () => {
    const { service } = await unlockedService()
    await service.lock('user')
    await expect(service.unlock({ password: 'nope' })).rejects.toMatchObject({ code: 'WRONG_PASSWORD' })
    expect(service.state).toBe('locked')
  })
})

describe('a lock while work is in flight', () => {
  it('waits for a rotation awaiting the provider: it completes whole, and the next unlock works', async () => {
    const { service } = await unlockedService()
    await service.run(({ session }) => createKey(session, { provider: 'solenoid-meter', name: 'prod' }, OLD))
    const rotation = service.run(({ session, signal }) =>
      rotateKey(session, keyIdOf(session, 'prod'), { ...http, signal }),
    )
    await waitFor(() =>
      simulator.requests.some(
        (request) => request.path === '/v1/keys/rotate' && request.headers.authorization === `Bearer ${OLD}`,
      ),
    )
    const locked = service.lock('idle')
    expect(service.state).toBe('locking')
    await expect(service.run(() => 1)).rejects.toMatchObject({ code: 'VAULT_LOCKED' })
    release()
    await expect(rotation).resolves.toMatchObject({ key: { ref: 'solenoid-meter/prod' } })
    await locked
    expect(service.state).toBe('locked')
    expect(
      existsSync(path.join(service.files.dir, 'pending-rotations')) &&
        readdirSync(path.join(service.files.dir, 'pending-rotations')),
    ).toEqual([])
    await service.unlock({ password: PASSWORD })
    const stored = await service.run(({ session }) => revealValue(session, keyIdOf(session, 'prod')))
    expect(valid.has(stored)).toBe(true)
    await service.lock('user')
  })

  it('a session locked under a rotation (no service) ends VAULT_LOCKED, seals nothing, and the vault still opens', async () => {
    const { service } = await unlockedService()
    await service.run(({ session }) => createKey(session, { provider: 'solenoid-meter', name: 'prod' }, OLD))
    await service.lock('user')
    const session = await unlockWithPassword(service.files.dir, PASSWORD, testDeps())
    const rotations = () => simulator.requests.filter((request) => request.path === '/v1/keys/rotate').length
    const before = rotations()
    const rotation = rotateKey(session, keyIdOf(session, 'prod'), http)
    await waitFor(() => rotations() > before)
    session.lock()
    release()
    await expect(rotation).rejects.toMatchObject({ code: 'VAULT_LOCKED' })
    const reopened = await unlockWithPassword(service.files.dir, PASSWORD, testDeps())
    expect(reopened.quarantinedRotations).toEqual([])
    expect(readSecretValue(reopened, keyIdOf(reopened, 'prod'))).toBe(OLD)
    reopened.lock()
  })

  it('aborts a verify that is waiting on a provider that never answers', async () => {
    const { service } = await unlockedService()
    const slow = { ...http, env: { KEYWARD_SOLENOID_METER_BASE_URL: `${simulator.origin}/v1/slow` } }
    await service.run(({ session }) => createKey(session, { provider: 'solenoid-meter', name: 'prod' }, OLD))
    const verifying = service.run(({ session, signal }) =>
      verifyKey(session, keyIdOf(session, 'prod'), { ...slow, signal }),
    )
    await waitFor(() => simulator.requests.some((request) => request.path === '/v1/slow/meter/balance'))
    await service.lock('user')
    await expect(verifying).rejects.toMatchObject({ code: 'VAULT_LOCKED' })
  })
})

describe('the due digest (reminders while locked)', () => {
  it('follows writes on the next tick and at lock, not inside the unit of work (a copy must not scan the vault)', async () => {
    const timers = manualTimers()
    const { service } = await unlockedService({ timers })
    const digest = () => readHeader(service.files).dueDigest
    await service.run(({ session }) =>
      createKey(session, { provider: 'solo', name: 'soon', expiresAt: '2000-01-02' }, 'solo-value-000000'),
    )
    expect(digest()).toEqual([])
    timers.tick()
    expect(digest()).toEqual(['1999-12-19'])
    await service.run(({ session }) =>
      createKey(session, { provider: 'solo', name: 'later', expiresAt: '2000-02-02' }, 'solo-value-000001'),
    )
    await service.lock('user')
    expect(digest()).toEqual(['1999-12-19', '2000-01-19'])
  })
})

describe('auto-lock', () => {
  it('locks after the idle timeout; activity (touch) restarts it; 0 means never', async () => {
    const timers = manualTimers()
    const { service, deps } = await unlockedService({ timers })
    deps.clock.advance(4 * 60_000)
    service.touch()
    deps.clock.advance(4 * 60_000)
    timers.tick()
    expect(service.state).toBe('unlocked')
    service.setAutoLock({ idleMs: 0, onSuspend: true, onScreenLock: true })
    deps.clock.advance(60 * 60_000)
    timers.tick()
    expect(service.state).toBe('unlocked')
    service.setAutoLock({ idleMs: 5 * 60_000, onSuspend: true, onScreenLock: true })
    timers.tick()
    await waitFor(() => service.state === 'locked')
    expect(timers.active).toBe(0)
  })

  it('auto-lock settings are kept in the vault and apply from the next unlock on (the CLI can set them too)', async () => {
    const timers = manualTimers()
    const { service, deps } = await unlockedService({ timers })
    await service.saveAutoLock({ idleMs: 60_000, onSuspend: false, onScreenLock: true })
    await service.lock('user')
    await service.unlock({ password: PASSWORD })
    deps.clock.advance(59_000)
    timers.tick()
    expect(service.state).toBe('unlocked')
    deps.clock.advance(1_000)
    timers.tick()
    await waitFor(() => service.state === 'locked')
    await expect(service.saveAutoLock({ idleMs: 90_000, onSuspend: true, onScreenLock: true })).rejects.toMatchObject({
      code: 'VAULT_LOCKED',
    })
  })

  it('locks when the system has been idle for the timeout, even if Keyward was used last', async () => {
    const power = fakePower()
    const timers = manualTimers()
    const { service } = await unlockedService({ timers, power })
    power.idleSeconds = 5 * 60
    timers.tick()
    await waitFor(() => service.state === 'locked')
  })

  it.each(['suspend', 'lock-screen'] as const)('locks on %s, unless that setting is off', async (event) => {
    const power = fakePower()
    const { service } = await unlockedService({ power })
    service.setAutoLock({ idleMs: 0, onSuspend: event !== 'suspend', onScreenLock: event !== 'lock-screen' })
    power.emit(event)
    expect(service.state).toBe('unlocked')
    service.setAutoLock({ idleMs: 0, onSuspend: true, onScreenLock: true })
    power.emit(event)
    await waitFor(() => service.state === 'locked')
    await service.unlock({ password: PASSWORD })
    expect(
      await service.run(({ session }) => auditEvents(session).find((event) => event.action === 'locked')?.detail),
    ).toEqual({ reason: event === 'suspend' ? 'suspend' : 'screen-lock' })
    await service.lock('user')
  })
})

describe('pending rotations at unlock', () => {
  it('a record that cannot be opened is quarantined and reported; the unlock goes on', async () => {
    const { service } = await unlockedService()
    await service.lock('user')
    const pending = path.join(service.files.dir, 'pending-rotations')
    mkdirSync(pending, { recursive: true })
    writeFileSync(
      path.join(pending, 'broken.json'),
      JSON.stringify({ keyId: 'x', receivedAt: '2026-01-01T00:00:00Z', sealed: Buffer.alloc(40).toString('base64') }),
    )
    const changes: VaultChange[] = []
    service.onChange((change) => changes.push(change))
    await service.unlock({ password: PASSWORD })
    expect(changes).toEqual([
      { kind: 'rotations-quarantined', files: [path.join(pending, 'quarantine', 'broken.json')] },
    ])
    expect(readdirSync(pending)).toEqual(['quarantine'])
    await service.lock('user')
  })

  it('an old record put back is not applied: a key never rolls back to an older value', async () => {
    const { service, deps } = await unlockedService()
    const stale = await service.run(({ session }) => {
      const { key } = createKey(session, { provider: 'solenoid-meter', name: 'prod' }, OLD)
      return writePendingRotation(session, key.id, 'sm_older_value_0000000000')
    })
    const record = readdirSync(path.dirname(stale))
    expect(record).toHaveLength(1)
    deps.clock.advance(60_000)
    await service.run(({ session }) => createKey(session, { provider: 'solo', name: 'later' }, 'solo-value-000000'))
    await service.run(({ session }) => {
      const id = session.sql("SELECT id FROM keys WHERE name = 'prod'").pluck().get() as string
      session.sql('UPDATE secret_versions SET created_at = ? WHERE key_id = ?').run(deps.clock.now().toISOString(), id)
    })
    await service.lock('user')
    await service.unlock({ password: PASSWORD })
    expect(await service.run(({ session }) => revealValue(session, keyIdOf(session, 'prod')))).toBe(OLD)
    await service.lock('user')
  })
})

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5))
}
