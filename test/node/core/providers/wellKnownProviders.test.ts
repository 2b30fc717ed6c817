// The well-known providers against simulators written from their API references (test/simulators/wellKnown/*):
// verify answers live / restricted / invalid as each provider documents it; rotation and revocation by API where
// the provider offers them; the AWS pair is signed with SigV4 and checked by AWS's own signer.
import { describe, expect, it } from 'vitest'
import { createKey, getKey, revealValue } from '../../../../src-main/core/keys/keyRepository'
import { keyIdOf } from '../../../../src-main/core/keys/keyRef'
import { revokeKey, verifyKey } from '../../../../src-main/core/providers/keyOperations'
import { rotateKey } from '../../../../src-main/core/providers/apiRotation'
import { startStsSimulator } from '../../../simulators/wellKnown/aws'
import { startGitlabSimulator, type GitlabToken } from '../../../simulators/wellKnown/gitlab'
import {
  startAnthropicSimulator,
  startDopplerSimulator,
  startGeminiSimulator,
  startGithubSimulator,
  startLinearSimulator,
  startOpenaiSimulator,
  startPerplexitySimulator,
  startSlackSimulator,
} from '../../../simulators/wellKnown/keyChecks'
import { sendgridValue, startSendgridSimulator, type SendgridKey } from '../../../simulators/wellKnown/sendgrid'
import { providerHarness, repeat } from '../../helpers/providerHarness'

const harness = providerHarness()
const { via, verifyAs } = harness

/** A GitLab simulator's token table with one live token, expiring 2027-01-01. */
function gitlabTokens(value: string, token: Pick<GitlabToken, 'id' | 'name' | 'scopes'>): Map<string, GitlabToken> {
  return new Map([
    [value, { ...token, created_at: new Date().toISOString(), expires_at: '2027-01-01', revoked: false }],
  ])
}

describe('verify: live / restricted / invalid, as each provider documents it', () => {
  it('Anthropic: GET /v1/models with x-api-key and anthropic-version; 403 restricted, 401 invalid', async () => {
    const [good, limited, bad] = ['a', 'b', 'c'].map((c) => `sk-ant-api03-${repeat(c, 93)}AA`) as [
      string,
      string,
      string,
    ]
    const http = via('anthropic', await startAnthropicSimulator(new Set([good]), new Set([limited])), '/v1')
    expect(await verifyAs('anthropic', 'good', good, http)).toMatchObject({ stored: 'ok' })
    expect(await verifyAs('anthropic', 'limited', limited, http)).toMatchObject({ stored: 'restricted' })
    expect(await verifyAs('anthropic', 'bad', bad, http)).toMatchObject({ outcome: 'KEY_REJECTED', stored: 'invalid' })
  })

  it('OpenAI: a restricted key\'s 401 "Missing scopes" is restricted, "Incorrect API key" invalid', async () => {
    const [good, limited, bad] = ['a', 'b', 'c'].map((c) => `sk-proj-${repeat(c, 40)}T3BlbkFJ${repeat(c, 40)}`) as [
      string,
      string,
      string,
    ]
    const http = via('openai', await startOpenaiSimulator(new Set([good]), new Set([limited])), '/v1')
    expect(await verifyAs('openai', 'good', good, http)).toMatchObject({ stored: 'ok' })
    expect(await verifyAs('openai', 'limited', limited, http)).toMatchObject({ stored: 'restricted' })
    expect(await verifyAs('openai', 'bad', bad, http)).toMatchObject({ stored: 'invalid' })
  })

  it('Slack: auth.test answers 200 either way; `ok` decides, and the team is kept as account metadata', async () => {
    const good = `xoxb-1234567890-1234567890-${repeat('a', 24)}`
    const http = via('slack', await startSlackSimulator(new Set([good])), '/api')
    expect(await verifyAs('slack', 'good', good, http)).toMatchObject({
      stored: 'ok',
      metadata: { keyType: 'bot', account: { team: 'Acme', teamId: 'T0001' } },
    })
    expect(await verifyAs('slack', 'bad', `xoxb-1234567890-1234567890-${repeat('b', 24)}`, http)).toMatchObject({
      stored: 'invalid',
    })
  })

  it('Google: Gemini models.list; 403 SERVICE_DISABLED is a valid key without Gemini, 400 API_KEY_INVALID invalid', async () => {
    const [good, other, bad] = ['a', 'b', 'c'].map((c) => `AIza${repeat(c, 35)}`) as [string, string, string]
    const api = await startGeminiSimulator(new Set([good, other]), new Set([other]))
    const http = via('google', api, '/v1')
    expect(await verifyAs('google', 'good', good, http)).toMatchObject({ stored: 'ok' })
    expect(await verifyAs('google', 'maps', other, http)).toMatchObject({ stored: 'restricted' })
    expect(await verifyAs('google', 'bad', bad, http)).toMatchObject({ stored: 'invalid' })
    expect(api.requests.every((request) => request.query.key === undefined)).toBe(true)
  })

  it('Linear: the viewer query; AUTHENTICATION_ERROR is invalid', async () => {
    const good = `lin_api_${repeat('a', 40)}`
    const http = via('linear', await startLinearSimulator(new Set([good])))
    expect(await verifyAs('linear', 'good', good, http)).toMatchObject({
      stored: 'ok',
      metadata: { account: { name: 'Ada' } },
    })
    expect(await verifyAs('linear', 'bad', `lin_api_${repeat('b', 40)}`, http)).toMatchObject({ stored: 'invalid' })
  })

  it('GitHub: an installation token that may not read /user is restricted', async () => {
    const app = `ghs_${repeat('a', 36)}`
    const http = via('github', await startGithubSimulator(new Set([app])))
    expect(await verifyAs('github', 'app', app, http)).toMatchObject({ stored: 'restricted' })
  })
})

describe('credential pairs', () => {
  const user = {
    accessKeyId: 'AKIA2E0A8F3B244C9986',
    secretAccessKey: repeat('wJalrXUtnFEMI/K7MDENG+bPxRfiCY', 40),
    account: '123456789012',
    arn: 'arn:aws:iam::123456789012:user/ci',
  }

  it('AWS: the secret is the value, the access key id is metadata; STS GetCallerIdentity signed with SigV4', async () => {
    const http = via('aws', await startStsSimulator([user]))
    const result = await verifyAs('aws', 'ci', user.secretAccessKey, http, { accessKeyId: user.accessKeyId })
    expect(result).toMatchObject({ stored: 'ok', metadata: { account: { awsAccount: '123456789012', arn: user.arn } } })
    expect(
      await verifyAs('aws', 'wrong-secret', repeat('x', 40), http, { accessKeyId: user.accessKeyId }),
    ).toMatchObject({ stored: 'invalid' })
    expect(
      await verifyAs('aws', 'unknown-id', user.secretAccessKey, http, { accessKeyId: 'AKIA0000000000000000' }),
    ).toMatchObject({ stored: 'invalid' })
    // The secret never travels: only its signature does.
    expect(
      harness.simulator()?.requests.some((request) => JSON.stringify(request).includes(user.secretAccessKey)),
    ).toBe(false)
  })

  it('AWS without a recorded access key id: a clear error, no request', async () => {
    const http = via('aws', await startStsSimulator([user]))
    expect(await verifyAs('aws', 'no-id', user.secretAccessKey, http)).toMatchObject({ outcome: 'INVALID_INPUT' })
    expect(harness.simulator()?.requests).toHaveLength(0)
  })
})

describe('rotation by API', () => {
  it('GitLab: self-rotation keeps the old lifetime; the old token stops working at once', async () => {
    const old = `glpat-${repeat('a', 20)}`
    const created = new Date(Date.now() - 10 * 86_400_000)
    const token: GitlabToken = {
      id: 1,
      name: 'ci',
      scopes: ['api'],
      created_at: created.toISOString(),
      expires_at: new Date(created.getTime() + 90 * 86_400_000).toISOString().slice(0, 10),
      revoked: false,
    }
    const tokens = new Map([[old, token]])
    const http = via('gitlab', await startGitlabSimulator(tokens), '/api/v4')
    createKey(harness.session(), { provider: 'gitlab', name: 'ci' }, old)
    const id = keyIdOf(harness.session(), 'gitlab/ci')
    await rotateKey(harness.session(), id, http)
    const fresh = revealValue(harness.session(), id)
    expect(fresh).not.toBe(old)
    expect(tokens.get(old)?.revoked).toBe(true)
    const expires = tokens.get(fresh)?.expires_at ?? ''
    // The old token lived 90 calendar days (created 10 days ago): so does the new one, from today — at any hour.
    const today = Date.parse(new Date().toISOString().slice(0, 10))
    expect(expires).toBe(new Date(today + 90 * 86_400_000).toISOString().slice(0, 10))
    expect((await verifyKey(harness.session(), id, http)).summary).toMatch(/GitLab token "ci" is live/)
  })

  it('GitLab: a token without api/self_rotate may not rotate itself: NEEDS_DASHBOARD, nothing changes', async () => {
    const old = `glpat-${repeat('b', 20)}`
    const tokens = gitlabTokens(old, { id: 2, name: 'ro', scopes: ['read_api'] })
    const http = via('gitlab', await startGitlabSimulator(tokens), '/api/v4')
    createKey(harness.session(), { provider: 'gitlab', name: 'ro' }, old)
    await expect(rotateKey(harness.session(), keyIdOf(harness.session(), 'gitlab/ro'), http)).rejects.toMatchObject({
      code: 'NEEDS_DASHBOARD',
    })
    expect(revealValue(harness.session(), keyIdOf(harness.session(), 'gitlab/ro'))).toBe(old)
    expect(tokens.get(old)?.revoked).toBe(false)
  })

  it('SendGrid: a new key with the old name and scopes; the old key id is deleted with the new key', async () => {
    const scopes = ['mail.send', 'scopes.read', 'api_keys.read', 'api_keys.create', 'api_keys.delete']
    const old = sendgridValue('oldKeyId0000000000000')
    const keys = new Map<string, SendgridKey>([[old, { id: 'oldKeyId0000000000000', name: 'prod mail', scopes }]])
    const http = via('sendgrid', await startSendgridSimulator(keys), '/v3')
    createKey(harness.session(), { provider: 'sendgrid', name: 'mail' }, old)
    const id = keyIdOf(harness.session(), 'sendgrid/mail')
    expect((await rotateKey(harness.session(), id, http)).summary).toMatch(
      /old key was deleted at the provider\. .*the old key is dead\.$/,
    )
    const fresh = revealValue(harness.session(), id)
    expect([...keys.keys()]).toEqual([fresh])
    expect(keys.get(fresh)).toMatchObject({ name: 'prod mail', scopes })
  })

  it('SendGrid: a send-only key verifies restricted and cannot rotate (NEEDS_DASHBOARD), nothing created', async () => {
    const old = sendgridValue('sendOnly0000000000000')
    const keys = new Map<string, SendgridKey>([
      [old, { id: 'sendOnly0000000000000', name: 'send', scopes: ['mail.send'] }],
    ])
    const http = via('sendgrid', await startSendgridSimulator(keys), '/v3')
    expect(await verifyAs('sendgrid', 'send', old, http)).toMatchObject({ stored: 'restricted' })
    await expect(rotateKey(harness.session(), keyIdOf(harness.session(), 'sendgrid/send'), http)).rejects.toMatchObject(
      {
        code: 'NEEDS_DASHBOARD',
      },
    )
    expect(keys.size).toBe(1)
  })

  it('Perplexity: generate_auth_token, then the old key revokes itself', async () => {
    const old = `pplx-${repeat('a', 48)}`
    const valid = new Set([old])
    const http = via('perplexity', await startPerplexitySimulator(valid))
    createKey(harness.session(), { provider: 'perplexity', name: 'search' }, old)
    const id = keyIdOf(harness.session(), 'perplexity/search')
    await rotateKey(harness.session(), id, http)
    expect([...valid]).toEqual([revealValue(harness.session(), id)])
    expect(getKey(harness.session(), id).metadata).toMatchObject({ remoteName: 'search' })
  })
})

describe('revocation by API', () => {
  it('GitHub: POST /credentials/revoke with the token in the body and NO Authorization header', async () => {
    const token = `ghp_${repeat('a', 36)}`
    const valid = new Set([token])
    const http = via('github', await startGithubSimulator(valid))
    createKey(harness.session(), { provider: 'github', name: 'old' }, token)
    await revokeKey(harness.session(), keyIdOf(harness.session(), 'github/old'), http)
    expect(valid.size).toBe(0)
    expect(getKey(harness.session(), keyIdOf(harness.session(), 'github/old')).status).toBe('revoked')
  })

  it('Slack auth.revoke, Doppler /v3/auth/revoke and GitLab DELETE self: the key stops working', async () => {
    const slackToken = `xoxp-1234567890-1234567890-1234567890-${repeat('a', 32)}`
    const slack = new Set([slackToken])
    await revokeKey(
      harness.session(),
      createKey(harness.session(), { provider: 'slack', name: 's' }, slackToken).key.id,
      via('slack', await startSlackSimulator(slack), '/api'),
    )
    expect(slack.size).toBe(0)
    await harness.simulator()?.close()
    const dopplerToken = `dp.pt.${repeat('a', 43)}`
    const doppler = new Set([dopplerToken])
    await revokeKey(
      harness.session(),
      createKey(harness.session(), { provider: 'doppler', name: 'd' }, dopplerToken).key.id,
      via('doppler', await startDopplerSimulator(doppler), '/v3'),
    )
    expect(doppler.size).toBe(0)
    await harness.simulator()?.close()
    const gitlabToken = `glpat-${repeat('c', 20)}`
    const tokens = gitlabTokens(gitlabToken, { id: 3, name: 'x', scopes: ['api'] })
    await revokeKey(
      harness.session(),
      createKey(harness.session(), { provider: 'gitlab', name: 'g' }, gitlabToken).key.id,
      via('gitlab', await startGitlabSimulator(tokens), '/api/v4'),
    )
    expect(tokens.get(gitlabToken)?.revoked).toBe(true)
  })
})
