// `keyward verify` for each of the five specified providers, through the built CLI, against their simulators.
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startAisouleSimulator, type AisouleKey } from '../../simulators/aisoule'
import { newElasticToken, startElasticEmailSimulator, type ElasticKey } from '../../simulators/elasticEmail'
import { startMailosaurSimulator, type MailosaurKey } from '../../simulators/mailosaur'
import { startSoloSimulator, type SoloKey } from '../../simulators/solo'
import { startSolenoidMeterSimulator } from '../../simulators/solenoidMeter'
import type { RunningSimulator } from '../../simulators/simulatorServer'
import { initVault, keyward, type CliRun } from '../helpers/cli'
import { tempDir } from '../helpers/testVault'

const temp = tempDir('keyward-verify-')
const simulators: RunningSimulator[] = []
const env: Record<string, string> = {
  KEYWARD_VAULT_DIR: path.join(temp.dir, 'vault'),
  KEYWARD_PASSWORD: 'verify-tests',
}

const solo = { live: 'solo_live_0123456789', revoked: 'solo_revoked_0123456789' }
const mailosaur = { standard: 'mlsr_standard_key_0001', restricted: 'mlsr_restricted_key_0001' }
const aisoule = { live: 'ak_live_0123456789abcdef', expired: 'ak_live_expired0000000' }
const meter = { live: 'sm_live_0123456789abcdef' }
const elastic = newElasticToken()
const elasticAdmin = newElasticToken()

beforeAll(async () => {
  const soloKeys = new Map<string, SoloKey>([
    [solo.live, { handle: 'ci', scope: ['read', 'write'], plan: 'Solopreneur', status: 'active', usedToday: 0 }],
    [solo.revoked, { handle: 'old', scope: ['read'], plan: 'Free', status: 'revoked', usedToday: 0 }],
  ])
  const mailosaurKeys = new Map<string, MailosaurKey>([
    [mailosaur.standard, { type: 'standard' }],
    [mailosaur.restricted, { type: 'server-restricted', serverId: 'srv-qa' }],
  ])
  const aisouleKeys = new Map<string, AisouleKey>([
    [aisoule.live, { status: 'active' }],
    [aisoule.expired, { status: 'expired' }],
  ])
  const elasticKeys: ElasticKey[] = [
    {
      name: 'admin',
      token: elasticAdmin,
      accessLevel: ['Security', 'ModifyAccessTokens'],
      expires: null,
      ipRanges: [],
    },
    {
      name: 'production',
      token: elastic,
      accessLevel: ['SendHttp', 'ViewAccount'],
      expires: null,
      ipRanges: ['10.0.0.0/8'],
    },
  ]
  const started = {
    SOLO: await startSoloSimulator(soloKeys),
    MAILOSAUR: await startMailosaurSimulator(mailosaurKeys, [
      { id: 'srv-qa', name: 'QA inbox' },
      { id: 'srv-2', name: 'Other' },
    ]),
    AISOULE: await startAisouleSimulator(aisouleKeys),
    SOLENOID_METER: await startSolenoidMeterSimulator(new Set([meter.live])),
    ELASTIC_EMAIL: await startElasticEmailSimulator(elasticKeys),
  }
  for (const [id, simulator] of Object.entries(started)) {
    simulators.push(simulator)
    env[`KEYWARD_${id}_BASE_URL`] = simulator.baseUrl
  }
  await initVault(env.KEYWARD_VAULT_DIR ?? '', env.KEYWARD_PASSWORD ?? '')
  const add = async (name: string, provider: string, value: string, extra: string[] = []) => {
    const run = await keyward(['add', name, '--provider', provider, ...extra, '--value-stdin'], { env, input: value })
    if (run.code !== 0) throw new Error(run.stderr)
  }
  await add('live', 'solo', solo.live)
  await add('revoked', 'solo', solo.revoked)
  await add('standard', 'mailosaur', mailosaur.standard)
  await add('restricted', 'mailosaur', mailosaur.restricted, ['--metadata', '{"serverId":"srv-qa"}'])
  await add('restricted-unknown', 'mailosaur', mailosaur.restricted)
  await add('live', 'aisoule', aisoule.live)
  await add('expired', 'aisoule', aisoule.expired)
  await add('live', 'solenoid-meter', meter.live)
  await add('production', 'elastic-email', elastic, ['--metadata', '{"remoteName":"production"}'])
  await add('admin', 'elastic-email', elasticAdmin, ['--metadata', '{"remoteName":"admin"}'])
  await add('admin-unnamed', 'elastic-email', elasticAdmin)
})
afterAll(async () => {
  await Promise.all(simulators.map((simulator) => simulator.close()))
  temp.remove()
})

async function show(ref: string): Promise<Record<string, unknown>> {
  return JSON.parse((await keyward(['show', ref, '--json'], { env })).stdout) as Record<string, unknown>
}

function expectNoSecret(run: CliRun): void {
  for (const secret of [
    solo.live,
    solo.revoked,
    mailosaur.standard,
    mailosaur.restricted,
    aisoule.live,
    aisoule.expired,
    meter.live,
    elastic,
    elasticAdmin,
  ]) {
    expect(`${run.stdout}${run.stderr}`).not.toContain(secret)
  }
}

describe('keyward verify', () => {
  it('Solo: a live key is verified and its documented Identity stored; a revoked one exits 5', async () => {
    const ok = await keyward(['verify', 'solo/live'], { env })
    expect(ok).toMatchObject({ code: 0 })
    expect(ok.stdout).toMatch(/Solo key is live \(ci@solomail\.io, scope read, write\)/)
    // GET /identity describes the identity (mailbox) the key belongs to, in the documented Identity's fields: kept
    // as account metadata, never as the key's own name or usage (issue 20: `{}` was stored before).
    const shown = await show('solo/live')
    expect(shown).toMatchObject({
      name: 'live',
      lastVerifyResult: 'ok',
      metadata: {
        account: {
          id: 'idn_ci',
          handle: 'ci',
          address: 'ci@solomail.io',
          scope: ['read', 'write'],
          displayName: 'CI',
          whitelistedAddresses: ['ops@example.test'],
          createdAt: '2026-01-02T03:04:05Z',
        },
      },
    })
    expect(shown.metadata).not.toHaveProperty('handle')
    const revoked = await keyward(['verify', 'solo/revoked'], { env })
    expect(revoked.code).toBe(5)
    expect(revoked.stderr).toMatch(/Solo \(solomail.io\) rejected the key \(HTTP 401\)/)
    expect(await show('solo/revoked')).toMatchObject({ lastVerifyResult: 'invalid' })
    expectNoSecret(ok)
    expectNoSecret(revoked)
  })

  it('Mailosaur: a standard key lists servers; a restricted key reads its own inbox; without its server id it is restricted, not invalid', async () => {
    expect((await keyward(['verify', 'mailosaur/standard'], { env })).code).toBe(0)
    expect(await show('mailosaur/standard')).toMatchObject({
      lastVerifyResult: 'ok',
      metadata: { keyType: 'standard' },
    })
    expect((await keyward(['verify', 'mailosaur/restricted'], { env })).code).toBe(0)
    expect(await show('mailosaur/restricted')).toMatchObject({
      lastVerifyResult: 'ok',
      status: 'active',
      metadata: { serverId: 'srv-qa' },
    })
    const unknownInbox = await keyward(['verify', 'mailosaur/restricted-unknown'], { env })
    expect(unknownInbox.code).toBe(0)
    expect(unknownInbox.stdout).toMatch(/server-restricted key\. Record its server id/)
    expect(await show('mailosaur/restricted-unknown')).toMatchObject({
      lastVerifyResult: 'restricted',
      status: 'active',
      metadata: { keyType: 'server-restricted' },
    })
  })

  it('AIsoule: a live key passes GET /contacts with X-API-Key; an expired one exits 5', async () => {
    expect((await keyward(['verify', 'aisoule/live'], { env })).code).toBe(0)
    expect((await keyward(['verify', 'aisoule/expired'], { env })).code).toBe(5)
  })

  it('Solenoid Meter reads its balance; Elastic Email reads the key by its recorded name, and a send-only key is restricted', async () => {
    expect((await keyward(['verify', 'solenoid-meter/live'], { env })).code).toBe(0)
    expect(await show('solenoid-meter/live')).toMatchObject({
      lastVerifyResult: 'ok',
      metadata: { account: { userId: 'usr_7f3a', balance: 1250 } },
    })
    const named = await keyward(['verify', 'elastic-email/admin'], { env })
    expect(named.code).toBe(0)
    expect(await show('elastic-email/admin')).toMatchObject({
      lastVerifyResult: 'ok',
      metadata: { remoteName: 'admin', accessLevel: ['Security', 'ModifyAccessTokens'] },
    })
    const unnamed = await keyward(['verify', 'elastic-email/admin-unnamed'], { env })
    expect(unnamed.stdout).toMatch(/The account's keys are "admin", "production": record which one this is/)
    const sender = await keyward(['verify', 'elastic-email/production'], { env })
    expect(sender.code).toBe(0)
    expect(sender.stdout).toMatch(/knows this key, but it may not read API keys/)
    expect(await show('elastic-email/production')).toMatchObject({ lastVerifyResult: 'restricted', status: 'active' })
    expectNoSecret(sender)
  })

  it('verify --all reports progress on stderr, every result on stdout, and exits 5 when any key fails', async () => {
    const all = await keyward(['verify', '--all', '--json'], { env })
    expect(all.code).toBe(5)
    expect(all.stderr).toMatch(/\[1\/11\]/)
    const results = JSON.parse(all.stdout) as { ref: string; ok: boolean; code: string | null }[]
    expect(results.filter((result) => !result.ok).map((result) => [result.ref, result.code])).toEqual([
      ['aisoule/expired', 'KEY_REJECTED'],
      ['solo/revoked', 'KEY_REJECTED'],
    ])
    expectNoSecret(all)
  })

  it('exits 5 with a clear reason when the provider cannot be reached, and audits every call', async () => {
    const down = await keyward(['verify', 'solo/live'], {
      env: { ...env, KEYWARD_SOLO_BASE_URL: 'http://127.0.0.1:9/api/v1' },
    })
    expect(down.code).toBe(5)
    expect(down.stderr).toMatch(/Could not reach Solo \(solomail.io\)/)
    const audit = JSON.parse((await keyward(['audit', '--json', '--limit', '200'], { env })).stdout) as {
      action: string
    }[]
    expect(audit.filter((event) => event.action === 'verified').length).toBeGreaterThanOrEqual(17)
  })
})
