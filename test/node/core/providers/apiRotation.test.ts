// The rotation step machine against the Solenoid Meter simulator (a rotation invalidates the old key at once):
// each step journaled, an interruption between steps resumed, the .env files chosen, the old key proven dead.
import { execFileSync, spawn } from 'node:child_process'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'dotenv'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { writeKeysToDotenv } from '../../../../src-main/core/dotenv/keySelection'
import { keyExports } from '../../../../src-main/core/providers/keyExports'
import { createKey, revealValue } from '../../../../src-main/core/keys/keyRepository'
import {
  propagateRotation,
  propagationPreview,
  proveOldRejected,
  rotateKey,
  retireOldKey,
  rotationJournal,
  skipRotationStep,
  startRotation,
  storeNewKey,
  verifyNewKey,
} from '../../../../src-main/core/providers/apiRotation'
import type { HttpDeps } from '../../../../src-main/core/providers/providerHttp'
import { unlockWithPassword } from '../../../../src-main/core/vault/unlockVault'
import { startSolenoidMeterSimulator } from '../../../simulators/solenoidMeter'
import { startSimulator, type RunningSimulator } from '../../../simulators/simulatorServer'
import { newTestVault, PASSWORD, tempDir, testDeps } from '../../helpers/testVault'

const temp = tempDir('keyward-api-rotation-')
const OLD = 'sm_stepper_before_000001'
const valid = new Set([OLD])
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

it('runs step by step; a lock after "create" resumes past "store" at the next unlock; files chosen; old key proven dead', async () => {
  const { session } = await newTestVault(path.join(temp.dir, 'stepper'))
  const { key } = createKey(session, { provider: 'solenoid-meter', name: 'prod', envVar: 'SOLENOID_KEY' }, OLD)
  const [chosen, left] = [path.join(temp.dir, 'api.env'), path.join(temp.dir, 'worker.env')]
  for (const file of [chosen, left]) {
    writeFileSync(file, '# app\nPORT=1\n')
    writeKeysToDotenv(session, file, keyExports(session, { ids: [key.id] }), false)
  }

  const { journal: created } = await startRotation(session, key.id, http)
  expect(created).toMatchObject({ next: 'verify', retire: 'by-rotation', log: [{ step: 'create', outcome: 'done' }] })
  expect(revealValue(session, key.id)).toBe(OLD) // not stored before it is verified
  await expect(startRotation(session, key.id, http)).rejects.toMatchObject({ code: 'CONFLICT' })
  session.lock()

  // Interrupted: the unlock stores the pending value, and the journal resumes at the .env files.
  const reopened = await unlockWithPassword(session.files.dir, PASSWORD, testDeps())
  const resumed = rotationJournal(reopened, key.id)
  expect(resumed?.next).toBe('propagate')
  expect(resumed?.log.map((entry) => [entry.step, entry.outcome])).toEqual([
    ['create', 'done'],
    ['verify', 'skipped'],
    ['store', 'done'],
  ])
  const newValue = revealValue(reopened, key.id)
  expect(valid.has(newValue)).toBe(true)

  const preview = propagationPreview(reopened, key.id)
  expect(preview.map((row) => [path.basename(row.file), row.state, row.after])).toEqual([
    ['api.env', 'will-update', `sm_…${newValue.slice(-4)}`],
    ['worker.env', 'will-update', `sm_…${newValue.slice(-4)}`],
  ])
  expect(JSON.stringify(preview)).not.toContain(newValue)
  const propagated = propagateRotation(reopened, key.id, [{ file: chosen, variable: 'SOLENOID_KEY' }])
  expect(propagated.next).toBe('retire')
  expect(parse(readFileSync(chosen, 'utf8')).SOLENOID_KEY).toBe(newValue)
  expect(parse(readFileSync(left, 'utf8')).SOLENOID_KEY).toBe(OLD)
  expect(propagated.log.at(-1)?.message).toMatch(/worker\.env \(SOLENOID_KEY\): skipped/)

  expect((await retireOldKey(reopened, key.id, http)).log.at(-1)).toMatchObject({
    step: 'retire',
    outcome: 'done',
    message: expect.stringMatching(/with the rotation/),
  })
  const proven = await proveOldRejected(reopened, key.id, http)
  expect(proven.next).toBe('done')
  expect(proven.log.at(-1)).toMatchObject({
    step: 'prove',
    outcome: 'done',
    message: expect.stringMatching(/old key is dead/),
  })
  reopened.lock()
})

it('a new key the provider rejects is a failed step: Retry keeps it, Skip stores it; a live old key fails the proof', async () => {
  const { session } = await newTestVault(path.join(temp.dir, 'failing'))
  valid.add('sm_stepper_second_00002')
  const { key } = createKey(session, { provider: 'solenoid-meter', name: 'second' }, 'sm_stepper_second_00002')
  await startRotation(session, key.id, http)
  const issued = [...valid].at(-1) ?? ''
  valid.delete(issued) // the provider forgets the new key at once (a key that never works)
  const failed = await verifyNewKey(session, key.id, http)
  expect(failed).toMatchObject({
    next: 'verify',
    log: [{ step: 'create' }, { step: 'verify', outcome: 'failed', message: expect.stringMatching(/rejected/) }],
  })
  expect(() => storeNewKey(session, key.id)).toThrow(/at "verify"/)
  expect(skipRotationStep(session, key.id).next).toBe('store')
  expect(storeNewKey(session, key.id).next).toBe('propagate')
  expect(revealValue(session, key.id)).toBe(issued)
  propagateRotation(session, key.id, [])
  await retireOldKey(session, key.id, http)
  valid.add('sm_stepper_second_00002') // the old key still works somewhere: the proof must say so
  expect((await proveOldRejected(session, key.id, http)).log.at(-1)).toMatchObject({
    outcome: 'failed',
    message: expect.stringMatching(/still accepts the old key/),
  })
  expect(() => storeNewKey(session, key.id)).toThrow(/CONFLICT|at "prove"/)
  session.lock()
})

it('keyward rotate (all steps in a row) stores a new key its provider then rejects, and says it could not be verified', async () => {
  // A provider that issues a key and then refuses it (every other route answers 401).
  const odd = await startSimulator((request) =>
    request.method === 'POST' && request.path === '/v1/keys/rotate'
      ? { status: 200, body: { key: 'sm_issued_but_refused_0001' } }
      : { status: 401, body: { error: 'invalid_api_key' } },
  )
  try {
    const { session } = await newTestVault(path.join(temp.dir, 'cli'))
    const { key } = createKey(session, { provider: 'solenoid-meter', name: 'cli' }, 'sm_stepper_cli_000000001')
    const done = await rotateKey(session, key.id, {
      ...http,
      env: { KEYWARD_SOLENOID_METER_BASE_URL: `${odd.origin}/v1` },
    })
    expect(done.summary).toMatch(
      /it is stored and the old value is kept as retired\. The new key could not be verified: .*rejected/,
    )
    expect(revealValue(session, key.id)).toBe('sm_issued_but_refused_0001')
    expect(rotationJournal(session, key.id)).toBeNull()
    session.lock()
  } finally {
    await odd.close()
  }
})

it('a tracked .env replaced by a FIFO is reported missing by the preview and the propagation, never read', async () => {
  const { session } = await newTestVault(path.join(temp.dir, 'fifo'))
  valid.add('sm_stepper_fifo_0000001')
  const { key } = createKey(
    session,
    { provider: 'solenoid-meter', name: 'fifo', envVar: 'SOLENOID_KEY' },
    'sm_stepper_fifo_0000001',
  )
  const file = path.join(temp.dir, 'fifo.env')
  writeFileSync(file, '')
  writeKeysToDotenv(session, file, keyExports(session, { ids: [key.id] }), false)
  await startRotation(session, key.id, http)
  await verifyNewKey(session, key.id, http)
  storeNewKey(session, key.id)
  // A reader of a FIFO with no writer waits forever (the old code hung here). So that a regression fails instead of
  // hanging the suite, a writer comes along after 3 s and gives such a reader an empty file.
  rmSync(file)
  execFileSync('mkfifo', [file])
  const writer = spawn('sh', ['-c', `sleep 3; exec 3>'${file}'`], { stdio: 'ignore' })
  try {
    expect(propagationPreview(session, key.id)).toMatchObject([{ file, state: 'missing' }])
    expect(propagateRotation(session, key.id, [{ file, variable: 'SOLENOID_KEY' }]).log.at(-1)?.message).toMatch(
      /fifo\.env \(SOLENOID_KEY\): missing/,
    )
  } finally {
    writer.kill('SIGKILL')
    session.lock()
  }
}, 10_000)
