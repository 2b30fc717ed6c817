// Issue 20: where the adapters disagreed with the providers' own documents. Each simulator here follows the
// document (cited in the simulator); each test failed on the adapters before the fix.
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createKey, revealValue } from '../../../../src-main/core/keys/keyRepository'
import { keyIdOf } from '../../../../src-main/core/keys/keyRef'
import { classify400 } from '../../../../src-main/core/providers/adapters/elasticEmail'
import { rotateKey } from '../../../../src-main/core/providers/apiRotation'
import { findProvider } from '../../../../src-main/core/providers/builtinProviders'
import type { ProviderDefinition } from '../../../../src-main/core/providers/providerDefinition'
import { planDotenvImport } from '../../../../src-main/core/providers/envImport'
import { checkNotPairId, pairMetadata } from '../../../../src-main/core/providers/newKeyDetails'
import { newElasticToken, startElasticEmailSimulator, type ElasticKey } from '../../../simulators/elasticEmail'
import { startStsSimulator } from '../../../simulators/wellKnown/aws'
import { startAnthropicSimulator, startOpenaiSimulator } from '../../../simulators/wellKnown/keyChecks'
import { sendgridValue, startSendgridSimulator, type SendgridKey } from '../../../simulators/wellKnown/sendgrid'
import { startTwilioSimulator, type TwilioKey } from '../../../simulators/wellKnown/twilio'
import { providerHarness, repeat } from '../../helpers/providerHarness'

const harness = providerHarness()
const { via, verifyAs } = harness

describe('Twilio: a Standard key may not read /Accounts, so verify reads the account balance', () => {
  const account = `AC${repeat('0f', 32)}`
  const sid = (c: string) => `SK${repeat(c, 32)}`
  const keys = new Map<string, TwilioKey>([
    [sid('a'), { secret: repeat('Std', 32), type: 'standard' }],
    [sid('b'), { secret: repeat('Main', 32), type: 'main' }],
    [sid('c'), { secret: repeat('Rst', 32), type: 'restricted' }],
  ])
  const twilio = async () => via('twilio', await startTwilioSimulator(keys, account), '/2010-04-01')

  it('Standard and Main keys are live with the account SID recorded; the request reads only Balance', async () => {
    const http = await twilio()
    expect(
      await verifyAs('twilio', 'std', repeat('Std', 32), http, { keySid: sid('a'), accountSid: account }),
    ).toMatchObject({ stored: 'ok', outcome: expect.stringMatching(/Twilio accepted the API key for account AC/) })
    expect(
      await verifyAs('twilio', 'main', repeat('Main', 32), http, { keySid: sid('b'), accountSid: account }),
    ).toMatchObject({ stored: 'ok' })
    expect(harness.simulator()?.requests.map((request) => request.path)).toEqual([
      `/2010-04-01/Accounts/${account}/Balance.json`,
      `/2010-04-01/Accounts/${account}/Balance.json`,
    ])
  })

  it('a Restricted key without the balance permission is restricted; a wrong secret is invalid', async () => {
    const http = await twilio()
    expect(
      await verifyAs('twilio', 'rst', repeat('Rst', 32), http, { keySid: sid('c'), accountSid: account }),
    ).toMatchObject({ stored: 'restricted' })
    expect(
      await verifyAs('twilio', 'bad', repeat('x', 32), http, { keySid: sid('a'), accountSid: account }),
    ).toMatchObject({ outcome: 'KEY_REJECTED', stored: 'invalid' })
  })

  it('without the account SID nothing is asked and nothing is stored: the user is told to record it', async () => {
    const http = await twilio()
    const result = await verifyAs('twilio', 'no-account', repeat('Std', 32), http, { keySid: sid('a') })
    expect(result).toMatchObject({ outcome: 'INVALID_INPUT', stored: null })
    expect(harness.simulator()?.requests).toHaveLength(0)
  })

  it("another account's SID is not the key's fault: not stored as invalid", async () => {
    const http = await twilio()
    const other = `AC${repeat('1e', 32)}`
    const result = await verifyAs('twilio', 'other', repeat('Std', 32), http, { keySid: sid('a'), accountSid: other })
    expect(result.stored).not.toBe('invalid')
    expect(result.outcome).toBe('INVALID_INPUT')
  })
})

describe('Elastic Email: a 400 is invalid, restricted or unknown by its Error text', () => {
  const sending = newElasticToken()
  const expired = newElasticToken()
  const keys = (): ElasticKey[] => [
    { name: 'send', token: sending, accessLevel: ['SendHttp'], expires: null, ipRanges: [] },
    { name: 'old', token: expired, accessLevel: ['Security'], expires: '2026-01-01T00:00:00Z', ipRanges: [] },
  ]
  const elastic = async () => via('elastic-email', await startElasticEmailSimulator(keys()), '/v4')

  it('an expired key ("APIKey Expired") and an unknown key are invalid, never restricted', async () => {
    const http = await elastic()
    expect(await verifyAs('elastic-email', 'expired', expired, http)).toMatchObject({
      outcome: 'KEY_REJECTED',
      stored: 'invalid',
    })
    expect(await verifyAs('elastic-email', 'unknown', newElasticToken(), http)).toMatchObject({
      outcome: 'KEY_REJECTED',
      stored: 'invalid',
    })
  })

  it('a sending key that may not read keys ("Access level … required") is restricted', async () => {
    const http = await elastic()
    expect(await verifyAs('elastic-email', 'send', sending, http)).toMatchObject({ stored: 'restricted' })
  })

  it('reads the Error texts: dead, lacking an access level, or not judged', () => {
    expect(['APIKey Expired', 'APIKey Invalid', 'Invalid API key', 'Access Denied.'].map(classify400)).toEqual([
      'invalid',
      'invalid',
      'invalid',
      'invalid',
    ])
    expect(['Access level Security required.', 'Insufficient access level'].map(classify400)).toEqual([
      'restricted',
      'restricted',
    ])
    expect(classify400('Something went wrong')).toBe('unclear')
  })
})

// The documented {result: […]} shape itself: wellKnownProviders.test.ts, "SendGrid: a new key with the old name…".
describe('SendGrid rotation never creates a key without the old key’s scopes', () => {
  const scopes = ['mail.send', 'scopes.read', 'api_keys.read', 'api_keys.create', 'api_keys.delete']

  it('an answer without the key’s scopes creates nothing and changes nothing', async () => {
    const old = sendgridValue('noScopes0000000000000')
    const keys = new Map<string, SendgridKey>([[old, { id: 'noScopes0000000000000', name: 'odd', scopes }]])
    const running = await startSendgridSimulator(keys, { answerWithoutScopes: true })
    const http = via('sendgrid', running, '/v3')
    createKey(harness.session(), { provider: 'sendgrid', name: 'odd' }, old)
    const id = keyIdOf(harness.session(), 'sendgrid/odd')
    await expect(rotateKey(harness.session(), id, http)).rejects.toMatchObject({ code: 'PROVIDER_BAD_RESPONSE' })
    expect([...keys.keys()]).toEqual([old])
    expect(revealValue(harness.session(), id)).toBe(old)
    expect(running.requests.filter((request) => request.method === 'POST')).toEqual([])
  })
})

describe('AWS temporary keys (ASIA…) need a session token Keyward does not keep', () => {
  const temporary = {
    accessKeyId: 'ASIAQWERTYUIOPASDFGH',
    secretAccessKey: repeat('tEmPoRaRy/SeCrEt+', 40),
    account: '123456789012',
    arn: 'arn:aws:sts::123456789012:assumed-role/ci/session',
    sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLETOKEN',
  }

  it('an ASIA pair already in a vault is never stored as invalid, and AWS is not asked', async () => {
    const http = via('aws', await startStsSimulator([temporary]))
    const result = await verifyAs('aws', 'temp', temporary.secretAccessKey, http, {
      accessKeyId: temporary.accessKeyId,
    })
    expect(result).toMatchObject({ outcome: 'UNSUPPORTED', stored: null })
    expect(harness.simulator()?.requests).toHaveLength(0)
  })
})

describe('pairs on the way in: no ASIA key is kept; Twilio’s Account SID is picked up from the .env', () => {
  const aws = findProvider('aws')

  it('an ASIA access key id is refused with the reason, as an id and pasted as the secret', () => {
    expect(() => pairMetadata(aws, 'ASIAQWERTYUIOPASDFGH')).toThrow(/temporary AWS key: it works only with its session/)
    expect(pairMetadata(aws, 'AKIAQWERTYUIOPASDFGH')).toEqual({ accessKeyId: 'AKIAQWERTYUIOPASDFGH' })
    expect(() => checkNotPairId(aws as ProviderDefinition, 'ASIAQWERTYUIOPASDFGH')).toThrow(
      /Keyward keeps long-term access keys/,
    )
  })

  it('env import leaves an ASIA pair out as temporary, and records TWILIO_ACCOUNT_SID with a Twilio pair', () => {
    const file = path.join(harness.tempDir(), '.env')
    const account = `AC${repeat('0f', 32)}`
    writeFileSync(
      file,
      [
        'AWS_ACCESS_KEY_ID=ASIAQWERTYUIOPASDFGH',
        `AWS_SECRET_ACCESS_KEY=${repeat('tEmPoRaRy/SeCrEt+', 40)}`,
        'AWS_SESSION_TOKEN=IQoJb3JpZ2luX2VjEJr',
        `TWILIO_ACCOUNT_SID=${account}`,
        `TWILIO_API_KEY=SK${repeat('0a1b2c3d', 32)}`,
        `TWILIO_API_SECRET=${repeat('Std', 32)}`,
      ].join('\n'),
    )
    const plan = planDotenvImport(harness.session(), file, 'development')
    expect(plan.rows.find((row) => row.variable === 'AWS_ACCESS_KEY_ID')).toMatchObject({ action: 'temporary' })
    const twilio = plan.rows.find((row) => row.provider === 'twilio')
    expect(twilio).toMatchObject({ action: 'create', variable: 'TWILIO_API_SECRET' })
    expect(plan.entries.get('TWILIO_API_SECRET')?.key.metadata).toMatchObject({
      keySid: `SK${repeat('0a1b2c3d', 32)}`,
      accountSid: account,
    })
  })
})

describe('admin keys are checked at their admin endpoints, not /v1/models', () => {
  it('OpenAI sk-admin-… lists admin keys; a dead admin key is invalid', async () => {
    const admin = `sk-admin-${repeat('A1', 40)}T3BlbkFJ${repeat('z9', 20)}`
    const http = via('openai', await startOpenaiSimulator(new Set(), new Set(), new Set([admin])), '/v1')
    expect(await verifyAs('openai', 'admin', admin, http)).toMatchObject({ stored: 'ok' })
    const dead = `sk-admin-${repeat('B2', 40)}T3BlbkFJ${repeat('y8', 20)}`
    expect(await verifyAs('openai', 'dead', dead, http)).toMatchObject({ stored: 'invalid' })
  })

  it('Anthropic sk-ant-admin01-… reads its organization, kept as account metadata', async () => {
    const admin = `sk-ant-admin01-${repeat('a', 93)}AA`
    const http = via('anthropic', await startAnthropicSimulator(new Set(), new Set(), new Set([admin])), '/v1')
    expect(await verifyAs('anthropic', 'admin', admin, http)).toMatchObject({
      stored: 'ok',
      metadata: { account: { name: 'Acme' } },
    })
  })
})

describe('SendGrid EU regional subusers call the EU host the official OpenAPI names', () => {
  /** The fetch port, recording where each call goes and answering as GET /v3/scopes does (no network). */
  function recording() {
    const urls: string[] = []
    const fetcher: typeof fetch = async (input) => {
      urls.push(String(input instanceof Request ? input.url : input))
      return Response.json({ scopes: ['mail.send', 'scopes.read'] })
    }
    return { urls, http: { fetch: fetcher, sleep: async () => undefined, env: {} } }
  }

  it('a key with region "eu" is checked at api.eu.sendgrid.com, one without at api.sendgrid.com', async () => {
    const { urls, http } = recording()
    const value = (id: string) => sendgridValue(id)
    expect(await verifyAs('sendgrid', 'eu', value('euKey00000000000000000'), http, { region: 'eu' })).toMatchObject({
      stored: 'ok',
    })
    expect(await verifyAs('sendgrid', 'global', value('globalKey000000000000'), http)).toMatchObject({ stored: 'ok' })
    expect(urls).toEqual(['https://api.eu.sendgrid.com/v3/scopes', 'https://api.sendgrid.com/v3/scopes'])
  })

  it('a region SendGrid does not document is refused before any call', async () => {
    const { urls, http } = recording()
    const result = await verifyAs('sendgrid', 'mars', sendgridValue('marsKey0000000000000'), http, { region: 'mars' })
    expect(result).toMatchObject({ outcome: 'INVALID_INPUT', stored: null })
    expect(urls).toEqual([])
  })
})
