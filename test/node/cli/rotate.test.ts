// rotate / revoke / sync through the built CLI against the simulators.
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newElasticToken, startElasticEmailSimulator, type ElasticKey } from '../../simulators/elasticEmail'
import { startMailosaurSimulator } from '../../simulators/mailosaur'
import { startSolenoidMeterSimulator } from '../../simulators/solenoidMeter'
import type { RunningSimulator } from '../../simulators/simulatorServer'
import { initVault, keyward } from '../helpers/cli'
import { tempDir } from '../helpers/testVault'

const temp = tempDir('keyward-rotate-')
const env: Record<string, string> = {
  KEYWARD_VAULT_DIR: path.join(temp.dir, 'vault'),
  KEYWARD_PASSWORD: 'rotate-tests',
}
const simulators: RunningSimulator[] = []
const meterKeys = new Set(['sm_original_0123456789abcd'])
const elasticKeys: ElasticKey[] = []
const elasticOriginal = newElasticToken()
const elasticToRevoke = newElasticToken()
const elasticSendOnly = newElasticToken()
const manage = ['Security', 'ModifyAccessTokens']

beforeAll(async () => {
  elasticKeys.push(
    {
      name: 'production',
      token: elasticOriginal,
      accessLevel: ['SendHttp', ...manage],
      expires: '2030-01-01T00:00:00Z',
      ipRanges: ['192.0.2.0/24'],
    },
    { name: 'old-ci', token: elasticToRevoke, accessLevel: ['ViewAccount', ...manage], expires: null, ipRanges: [] },
    { name: 'sender', token: elasticSendOnly, accessLevel: ['SendHttp'], expires: null, ipRanges: [] },
  )
  const meter = await startSolenoidMeterSimulator(meterKeys)
  const elastic = await startElasticEmailSimulator(elasticKeys)
  const mailosaur = await startMailosaurSimulator(new Map([['mlsr_standard_0001', { type: 'standard' as const }]]), [
    { id: 's1', name: 'Inbox' },
  ])
  simulators.push(meter, elastic, mailosaur)
  Object.assign(env, {
    KEYWARD_SOLENOID_METER_BASE_URL: meter.baseUrl,
    KEYWARD_ELASTIC_EMAIL_BASE_URL: elastic.baseUrl,
    KEYWARD_MAILOSAUR_BASE_URL: mailosaur.baseUrl,
  })
  await initVault(env.KEYWARD_VAULT_DIR ?? '', env.KEYWARD_PASSWORD ?? '')
  for (const [name, provider, value] of [
    ['prod', 'solenoid-meter', 'sm_original_0123456789abcd'],
    ['production', 'elastic-email', elasticOriginal],
    ['old-ci', 'elastic-email', elasticToRevoke],
    ['sender', 'elastic-email', elasticSendOnly],
    ['main', 'mailosaur', 'mlsr_standard_0001'],
    ['main', 'solo', 'solo_key_0000000001'],
  ]) {
    // Elastic Email's API knows keys by name only: each key's name there is recorded on add.
    const remote = provider === 'elastic-email' ? ['--metadata', JSON.stringify({ remoteName: name })] : []
    const run = await keyward(['add', name ?? '', '--provider', provider ?? '', ...remote, '--value-stdin'], {
      env,
      input: value,
    })
    if (run.code !== 0) throw new Error(run.stderr)
  }
})
afterAll(async () => {
  await Promise.all(simulators.map((simulator) => simulator.close()))
  temp.remove()
})

const value = async (ref: string) => (await keyward(['get', ref], { env })).stdout.trim()

describe('keyward rotate / revoke / sync', () => {
  it('Solenoid Meter: rotation by API stores the new key at once and keeps the old one as retired', async () => {
    const run = await keyward(['rotate', 'solenoid-meter/prod', '--yes'], { env })
    expect(run.code, run.stderr).toBe(0)
    const fresh = await value('solenoid-meter/prod')
    expect(fresh).toMatch(/^sm_/)
    expect(meterKeys.has(fresh) && !meterKeys.has('sm_original_0123456789abcd')).toBe(true)
    expect((await keyward(['verify', 'solenoid-meter/prod'], { env })).code).toBe(0)
    const history = JSON.parse((await keyward(['history', 'solenoid-meter/prod', '--json'], { env })).stdout) as {
      versions: { current: boolean; retiredReason: string | null }[]
    }
    expect(history.versions.map((version) => [version.current, version.retiredReason])).toEqual([
      [true, null],
      [false, 'rotated by API'],
    ])
    expect(`${run.stdout}${run.stderr}`).not.toContain(fresh)
  })

  it('Elastic Email: rotation creates a key with the same access, expiry and IP ranges, stores it, then deletes the old one', async () => {
    const run = await keyward(['rotate', 'elastic-email/production', '--yes'], { env })
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toMatch(/old key was deleted/)
    const fresh = await value('elastic-email/production')
    const remote = elasticKeys.find((key) => key.token === fresh)
    expect(remote).toMatchObject({
      accessLevel: ['SendHttp', ...manage],
      expires: '2030-01-01T00:00:00Z',
      ipRanges: ['192.0.2.0/24'],
    })
    expect(elasticKeys.some((key) => key.token === elasticOriginal)).toBe(false)
    // The new key's name at Elastic Email is recorded: the next rotation or revoke finds it.
    const shown = JSON.parse((await keyward(['show', 'elastic-email/production', '--json'], { env })).stdout) as {
      metadata: { remoteName: string }
    }
    expect(shown.metadata.remoteName).toBe(remote?.name)
    expect(shown.metadata.remoteName).toMatch(/^production-rotated-\d{8}T\d{6}$/)
  })

  it('Elastic Email: a send-only key cannot manage keys by API — rotation asks for the dashboard and changes nothing', async () => {
    const before = await value('elastic-email/sender')
    const run = await keyward(['rotate', 'elastic-email/sender', '--yes'], { env })
    expect(run.code).toBe(5)
    expect(run.stderr).toMatch(/Security and ModifyAccessTokens access levels/)
    expect(await value('elastic-email/sender')).toBe(before)
    expect(elasticKeys.filter((key) => key.name.startsWith('sender'))).toHaveLength(1)
  })

  it('Elastic Email: at the 15-key cap rotation fails with exit 5 and nothing stored changes', async () => {
    const before = await value('elastic-email/old-ci')
    const fillers = Array.from({ length: 15 - elasticKeys.length }, (_, i) => ({
      name: `filler-${i}`,
      token: newElasticToken(),
      accessLevel: [],
      expires: null,
      ipRanges: [],
    }))
    elasticKeys.push(...fillers)
    const run = await keyward(['rotate', 'elastic-email/old-ci', '--yes'], { env })
    expect(run.code).toBe(5)
    expect(run.stderr).toMatch(/Maximum number of API keys \(15\) reached/)
    expect(await value('elastic-email/old-ci')).toBe(before)
    elasticKeys.splice(elasticKeys.length - fillers.length, fillers.length)
  })

  it('Elastic Email: revoke deletes the key at the provider and marks it revoked', async () => {
    const run = await keyward(['revoke', 'elastic-email/old-ci', '--yes'], { env })
    expect(run.code, run.stderr).toBe(0)
    expect(elasticKeys.some((key) => key.token === elasticToRevoke)).toBe(false)
    expect(JSON.parse((await keyward(['show', 'elastic-email/old-ci', '--json'], { env })).stdout)).toMatchObject({
      status: 'revoked',
    })
  })

  it('guided providers without a terminal exit 5 naming the dashboard; Solenoid Meter has no revoke (exit 2)', async () => {
    const solo = await keyward(['rotate', 'solo/main', '--yes'], { env })
    expect(solo.code).toBe(5)
    expect(solo.stderr).toMatch(/dashboard \(https:\/\/solomail\.io\/\)/)
    expect((await keyward(['revoke', 'mailosaur/main'], { env })).code).toBe(5)
    const meter = await keyward(['revoke', 'solenoid-meter/prod', '--yes'], { env })
    expect(meter.code).toBe(2)
    expect(meter.stderr).toMatch(/rotating invalidates the old key/)
  })

  it('rotation needs --yes without a terminal', async () => {
    expect((await keyward(['rotate', 'solenoid-meter/prod'], { env })).code).toBe(2)
  })

  it('sync pulls Mailosaur usage limits and Elastic Email access levels', async () => {
    expect((await keyward(['sync', 'mailosaur/main'], { env })).code).toBe(0)
    expect(JSON.parse((await keyward(['show', 'mailosaur/main', '--json'], { env })).stdout)).toMatchObject({
      metadata: { keyType: 'standard', usageLimits: { servers: { limit: 5 } } },
    })
    expect((await keyward(['sync', 'elastic-email/production'], { env })).code).toBe(0)
  })
})
