// After a rotation every .env file Keyward wrote the key into is updated the same safe way — unless it was
// edited by hand since (left alone) or is gone (reported).
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startSolenoidMeterSimulator } from '../../simulators/solenoidMeter'
import type { RunningSimulator } from '../../simulators/simulatorServer'
import { initVault, keyward } from '../helpers/cli'
import { tempDir } from '../helpers/testVault'

const temp = tempDir('keyward-propagation-')
const OLD = 'sm_propagation_old_000000'
const valid = new Set([OLD])
let simulator: RunningSimulator & { baseUrl: string }
let env: Record<string, string>
const file = (name: string) => path.join(temp.dir, name)

beforeAll(async () => {
  simulator = await startSolenoidMeterSimulator(valid)
  env = {
    KEYWARD_VAULT_DIR: file('vault'),
    KEYWARD_PASSWORD: 'propagation',
    KEYWARD_SOLENOID_METER_BASE_URL: simulator.baseUrl,
  }
  await initVault(env.KEYWARD_VAULT_DIR ?? '', env.KEYWARD_PASSWORD ?? '')
  await keyward(['add', 'prod', '--value-stdin'], { env, input: OLD })
  writeFileSync(file('api.env'), '# api\nSOLENOID_METER_API_KEY=placeholder\nPORT=8080\n')
  for (const name of ['api.env', 'worker.env', 'gone.env'])
    await keyward(['env', 'write', file(name), '--keys', 'solenoid-meter/prod'], { env })
  writeFileSync(file('worker.env'), 'SOLENOID_METER_API_KEY=sm_pasted_by_hand_00000\n')
  rmSync(file('gone.env'))
})
afterAll(async () => {
  await simulator.close()
  temp.remove()
})

it('rotation rewrites the files still holding the old value and reports the rest', async () => {
  const run = await keyward(['rotate', 'solenoid-meter/prod', '--yes'], { env })
  expect(run.code, run.stderr).toBe(0)
  const fresh = (await keyward(['get', 'solenoid-meter/prod'], { env })).stdout.trim()
  expect(readFileSync(file('api.env'), 'utf8')).toBe(`# api\nSOLENOID_METER_API_KEY=${fresh}\nPORT=8080\n`)
  expect(readFileSync(file('worker.env'), 'utf8')).toBe('SOLENOID_METER_API_KEY=sm_pasted_by_hand_00000\n')
  expect(run.stdout).toContain(`${file('api.env')} (SOLENOID_METER_API_KEY): updated`)
  expect(run.stdout).toContain(`${file('worker.env')} (SOLENOID_METER_API_KEY): changed-by-hand`)
  expect(run.stdout).toContain(`${file('gone.env')} (SOLENOID_METER_API_KEY): missing`)
  expect(run.stdout).not.toContain(fresh)
})
