// Solenoid Meter invalidates the old key the moment it answers a rotation: a failure between that answer and
// the database write must not leave Keyward holding only a dead key.
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createKey, keyHistory, revealValue } from '../../../../src-main/core/keys/keyRepository'
import { verifyKey } from '../../../../src-main/core/providers/keyOperations'
import { rotateKey } from '../../../../src-main/core/providers/apiRotation'
import type { HttpDeps } from '../../../../src-main/core/providers/providerHttp'
import { unlockWithPassword } from '../../../../src-main/core/vault/unlockVault'
import { startSolenoidMeterSimulator } from '../../../simulators/solenoidMeter'
import { startSimulator, type RunningSimulator } from '../../../simulators/simulatorServer'
import { newTestVault, PASSWORD, tempDir, testDeps } from '../../helpers/testVault'
import { keyIdOf } from '../../../../src-main/core/keys/keyRef'

const temp = tempDir('keyward-pending-')
const valid = new Set(['sm_before_rotation_000000'])
let simulator: RunningSimulator & { baseUrl: string }
let http: HttpDeps

beforeAll(async () => {
  simulator = await startSolenoidMeterSimulator(valid)
  http = { fetch, sleep: async () => undefined, env: { KEYWARD_SOLENOID_METER_BASE_URL: simulator.baseUrl } }
})
afterAll(async () => {
  await simulator.close()
  temp.remove()
})

it('keeps the new value in a sealed pending record when storing it fails, and applies it at the next unlock', async () => {
  const { session } = await newTestVault(temp.dir)
  createKey(session, { provider: 'solenoid-meter', name: 'prod' }, 'sm_before_rotation_000000')
  const failingStore = () => {
    throw new Error('disk full (injected)')
  }
  await expect(
    rotateKey(session, keyIdOf(session, 'prod'), { ...http, storeNewValue: failingStore }),
  ).rejects.toMatchObject({ code: 'PROVIDER_ERROR', message: expect.stringMatching(/applied at the next unlock/) })
  expect(valid.has('sm_before_rotation_000000')).toBe(false) // the provider already invalidated the old key
  expect(revealValue(session, keyIdOf(session, 'prod'))).toBe('sm_before_rotation_000000')
  const pendingDir = path.join(session.files.dir, 'pending-rotations')
  expect(readdirSync(pendingDir)).toHaveLength(1)
  session.lock()

  const reopened = await unlockWithPassword(session.files.dir, PASSWORD, testDeps())
  const recovered = revealValue(reopened, keyIdOf(reopened, 'prod'))
  expect(valid.has(recovered)).toBe(true)
  expect(keyHistory(reopened, keyIdOf(reopened, 'prod')).versions[1]).toMatchObject({
    current: false,
    retiredReason: expect.stringMatching(/recovered/),
  })
  expect(existsSync(pendingDir) && readdirSync(pendingDir).length).toBe(0)
  expect((await verifyKey(reopened, keyIdOf(reopened, 'prod'), http)).summary).toMatch(/live/)
  reopened.lock()
})

it.each([
  ['20,000 characters', `sm_${'a'.repeat(20_000)}`],
  ['a NUL', 'sm_before\u0000after_0000000'],
])('a rotation answer with %s is refused before anything is written; the vault keeps opening', async (_, answer) => {
  const bad = await startSimulator(() => ({ status: 200, body: { key: answer } }))
  try {
    const dir = path.join(temp.dir, `bad-${answer.length}`)
    const { session } = await newTestVault(dir)
    const { key } = createKey(session, { provider: 'solenoid-meter', name: 'prod' }, 'sm_before_rotation_000000')
    const badHttp = { ...http, env: { KEYWARD_SOLENOID_METER_BASE_URL: `${bad.origin}/v1` } }
    await expect(rotateKey(session, key.id, badHttp)).rejects.toMatchObject({
      code: 'PROVIDER_BAD_RESPONSE',
      message: expect.stringMatching(/may already have replaced the key/),
    })
    expect(revealValue(session, key.id)).toBe('sm_before_rotation_000000')
    expect(existsSync(path.join(session.files.dir, 'pending-rotations'))).toBe(false)
    session.lock()
    const reopened = await unlockWithPassword(path.join(dir, 'vault'), PASSWORD, testDeps())
    expect(reopened.quarantinedRotations).toEqual([])
    reopened.lock()
  } finally {
    await bad.close()
  }
})
