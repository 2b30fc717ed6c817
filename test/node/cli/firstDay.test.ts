// A developer's first day with the CLI (issue 25): rotations settle a key's dates, a script can rotate to a key it
// made, values are trimmed, provider typos are caught, and a deletion says the key still works at the provider.
// Each test failed on the CLI before this issue.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'dotenv'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSolenoidMeterSimulator } from '../../simulators/solenoidMeter'
import { startSoloSimulator, type SoloKey } from '../../simulators/solo'
import type { RunningSimulator } from '../../simulators/simulatorServer'
import { initVault, keyward } from '../helpers/cli'
import { tempDir } from '../helpers/testVault'

const temp = tempDir('keyward-first-day-')
const env: Record<string, string> = { KEYWARD_VAULT_DIR: path.join(temp.dir, 'vault'), KEYWARD_PASSWORD: 'first-day' }
const simulators: RunningSimulator[] = []
const meterKeys = new Set(['sm_expired_0123456789abcd'])
const soloKeys = new Map<string, SoloKey>()
const solo = (handle: string): SoloKey => ({
  handle,
  scope: ['mail:send'],
  plan: 'Free',
  status: 'active',
  usedToday: 0,
})

async function add(args: string[], value: string): Promise<void> {
  const run = await keyward(['add', ...args, '--value-stdin'], { env, input: value })
  if (run.code !== 0) throw new Error(run.stderr)
}
const show = async (ref: string) =>
  JSON.parse((await keyward(['show', ref, '--json'], { env })).stdout) as { expiresAt: string | null; status: string }

beforeAll(async () => {
  soloKeys.set('solo_old_key_000000001', solo('old'))
  const meter = await startSolenoidMeterSimulator(meterKeys)
  const soloSimulator = await startSoloSimulator(soloKeys)
  simulators.push(meter, soloSimulator)
  Object.assign(env, {
    KEYWARD_SOLENOID_METER_BASE_URL: meter.baseUrl,
    KEYWARD_SOLO_BASE_URL: soloSimulator.baseUrl,
  })
  await initVault(env.KEYWARD_VAULT_DIR ?? '', env.KEYWARD_PASSWORD ?? '')
  await add(
    ['meter', '--provider', 'solenoid-meter', '--environment', 'production', '--expires', '2020-01-31'],
    'sm_expired_0123456789abcd',
  )
  await add(
    ['mail', '--provider', 'solo', '--environment', 'staging', '--expires', '2021-06-30'],
    'solo_old_key_000000001',
  )
})
afterAll(async () => {
  await Promise.all(simulators.map((simulator) => simulator.close()))
  temp.remove()
})

const printVar = (name: string) => [process.execPath, '-e', `process.stdout.write(process.env.${name} ?? 'unset')`]

describe('a rotation settles the key', () => {
  it('rotating an expired key by API clears the past expiry, so run --environment selects it again', async () => {
    const before = await keyward(['run', '--environment', 'production', '--', ...printVar('SOLENOID_METER_API_KEY')], {
      env,
    })
    expect(before.code).toBe(4)
    const rotated = await keyward(['rotate', 'solenoid-meter/meter', '--yes'], { env })
    expect(rotated.code, rotated.stderr).toBe(0)
    expect(await show('solenoid-meter/meter')).toMatchObject({ expiresAt: null, status: 'active' })
    const after = await keyward(['run', '--environment', 'production', '--', ...printVar('SOLENOID_METER_API_KEY')], {
      env,
    })
    expect(after.code, after.stderr).toBe(0)
    expect(after.stdout).toMatch(/^sm_/)
    expect(after.stdout).not.toBe('sm_expired_0123456789abcd')
  })

  it("rotate --expires sets the new key's expiry; a bad date names the flag and asks for nothing", async () => {
    const bad = await keyward(['rotate', 'solenoid-meter/meter', '--yes', '--expires', '2027-02-30'], { env })
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/--expires takes a date as YYYY-MM-DD/)
    const run = await keyward(['rotate', 'solenoid-meter/meter', '--yes', '--expires', '2031-03-31', '--json'], { env })
    expect(run.code, run.stderr).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({ key: { ref: 'solenoid-meter/meter', expiresAt: '2031-03-31' } })
  })

  it('rotate --value-stdin refuses the stored key, verifies the new one, stores it and rewrites the .env', async () => {
    const file = path.join(temp.dir, 'mail.env')
    expect((await keyward(['env', 'write', file, '--keys', 'solo/mail'], { env })).code).toBe(0)
    const same = await keyward(['rotate', 'solo/mail', '--value-stdin'], { env, input: 'solo_old_key_000000001\n' })
    expect(same.code).not.toBe(0)
    expect(same.stderr).toMatch(/already has/)
    const dead = await keyward(['rotate', 'solo/mail', '--value-stdin'], { env, input: 'solo_not_a_real_key_0001' })
    expect(dead.code).toBe(5)
    expect(parse(readFileSync(file)).SOLO_API_KEY).toBe('solo_old_key_000000001')
    soloKeys.set('solo_new_key_000000002', solo('new'))
    const run = await keyward(['rotate', 'solo/mail', '--value-stdin', '--json'], {
      env,
      input: '  solo_new_key_000000002\n',
    })
    expect(run.code, run.stderr).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({ key: { expiresAt: null, lastVerifyResult: 'ok' } })
    expect(parse(readFileSync(file)).SOLO_API_KEY).toBe('solo_new_key_000000002')
    expect((await keyward(['get', 'solo/mail'], { env })).stdout).toBe('solo_new_key_000000002\n')
  })
})

describe('values and providers as typed', () => {
  it('trims a pasted value, so the same key with spaces and blank lines is caught as a duplicate', async () => {
    const value = 'npm_0123456789abcdefghijABCDEFGHIJ012345'
    await add(['publish', '--provider', 'npm'], value)
    const run = await keyward(['add', 'again', '--provider', 'npm', '--value-stdin'], {
      env,
      input: `  ${value}  \n\n`,
    })
    expect(run.code, run.stderr).toBe(0)
    expect(run.stderr).toContain('the same value is stored as npm/publish')
    expect((await keyward(['get', 'npm/again'], { env })).stdout).toBe(`${value}\n`)
  })

  it('add --provider refuses an unknown provider with the nearest one, before asking for anything', async () => {
    const run = await keyward(['add', 'chat', '--provider', 'opneai', '--value-stdin'], { env, input: 'whatever' })
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/no provider "opneai"\. Did you mean openai\?/)
    expect(run.stderr).toMatch(/"other"/)
    const edit = await keyward(['edit', 'solo/mail', '--provider', 'sollo'], { env })
    expect(edit.code).toBe(2)
    expect(edit.stderr).toMatch(/Did you mean solo\?/)
    await add(['notes', '--provider', 'other'], 'anything-at-all')
    expect((await keyward(['show', 'other/notes', '--json'], { env })).code).toBe(0)
  })

  it('--rotate-every takes 90d as due prints it', async () => {
    const run = await keyward(['edit', 'other/notes', '--rotate-every', '90d', '--json'], { env })
    expect(run.code, run.stderr).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({ rotateEveryDays: 90 })
  })
})

describe('rm', () => {
  it('says a key verified live at its provider keeps working there, and where to revoke it', async () => {
    const run = await keyward(['rm', 'solenoid-meter/meter', '--yes'], { env })
    expect(run.code, run.stderr).toBe(0)
    expect(run.stderr).toMatch(
      /solenoid-meter\/meter is not revoked at Solenoid Meter \(it worked when verified on \d{4}-/,
    )
    expect(run.stderr).toMatch(/keeps working there after it is deleted here\. Delete it at https:/)
    expect(run.stderr).toMatch(/Moved solenoid-meter\/meter to the Trash/)
  })

  it('without a terminal and without --yes, says to pass --yes (exit 2) and deletes nothing', async () => {
    const run = await keyward(['rm', 'other/notes'], { env })
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/Not deleted: there is no terminal to confirm on; pass --yes\./)
    expect((await keyward(['show', 'other/notes'], { env })).code).toBe(0)
  })
})
