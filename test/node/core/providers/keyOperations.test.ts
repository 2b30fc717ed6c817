// Failure modes of provider operations: each gives a clear error, keeps the key's value and metadata, and
// stores only the verification result (what verify promises).
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest'
import { createKey, getKey, revealValue } from '../../../../src-main/core/keys/keyRepository'
import { verifyKey } from '../../../../src-main/core/providers/keyOperations'
import type { HttpDeps } from '../../../../src-main/core/providers/providerHttp'
import type { VaultSession } from '../../../../src-main/core/vault/VaultSession'
import { startAisouleSimulator } from '../../../simulators/aisoule'
import { startSimulator, type RunningSimulator } from '../../../simulators/simulatorServer'
import { newTestVault, tempDir } from '../../helpers/testVault'
import { keyIdOf } from '../../../../src-main/core/keys/keyRef'

const VALUE = 'sm_failure_modes_0000000'
let misbehaving: RunningSimulator
let other: RunningSimulator
let temp: ReturnType<typeof tempDir>
let session: VaultSession

beforeAll(async () => {
  other = await startSimulator(() => ({ status: 200, body: {} }))
  misbehaving = await startSimulator(async (request) => {
    switch (request.path) {
      case '/wrong/meter/balance':
        return { status: 401, body: { error: { code: 'unauthorized', message: 'Invalid API key' } } }
      case '/limited/meter/balance':
        return { status: 429, body: { error: { code: 'rate_limit_exceeded' } }, headers: { 'Retry-After': '0' } }
      case '/slow/meter/balance':
        return new Promise((resolve) => setTimeout(() => resolve({ status: 200, body: {} }), 20_000))
      case '/down/meter/balance':
        return { status: 502, body: {} }
      case '/garbled/meter/balance':
        return { status: 200, raw: '{"tier": "pa', headers: { 'Content-Type': 'application/json' } }
      case '/moved/meter/balance':
        return { status: 307, headers: { Location: `${other.origin}/meter/balance` } }
      // A Location that is no URL at all (an unclosed IPv6 literal): a provider error, never "This is a bug".
      case '/unparseable/meter/balance':
        return { status: 302, headers: { Location: 'http://[::1' } }
      default:
        return { status: 404, body: {} }
    }
  })
})
afterAll(async () => {
  await misbehaving.close()
  await other.close()
})
beforeEach(async () => {
  temp = tempDir()
  session = (await newTestVault(temp.dir)).session
  createKey(session, { provider: 'solenoid-meter', name: 'k', metadata: { tier: 'paid' } }, VALUE)
})
afterEach(() => {
  session.lock()
  temp.remove()
})

const deps = (path: string): HttpDeps => ({
  fetch,
  sleep: async () => undefined,
  env: { KEYWARD_SOLENOID_METER_BASE_URL: `${misbehaving.origin}/${path}` },
})

describe('verify failure modes', () => {
  it.each([
    ['wrong', 'KEY_REJECTED', 'invalid', /rejected the key \(HTTP 401\)/],
    ['limited', 'PROVIDER_RATE_LIMITED', 'PROVIDER_RATE_LIMITED', /rate limiting/],
    ['down', 'PROVIDER_ERROR', 'PROVIDER_ERROR', /HTTP 502/],
    ['garbled', 'PROVIDER_BAD_RESPONSE', 'PROVIDER_BAD_RESPONSE', /not JSON/],
    [
      'moved',
      'PROVIDER_REDIRECT',
      'PROVIDER_REDIRECT',
      /redirected to http:\/\/127\.0\.0\.1:\d+; the key was not sent there/,
    ],
    [
      'unparseable',
      'PROVIDER_REDIRECT',
      'PROVIDER_REDIRECT',
      /redirected to an invalid address; the key was not sent there/,
    ],
  ])('%s → %s, value and metadata untouched, result stored', async (path, code, stored, message) => {
    const before = other.requests.length
    await expect(verifyKey(session, keyIdOf(session, 'k'), deps(path))).rejects.toMatchObject({
      code,
      message: expect.stringMatching(message),
    })
    expect(revealValue(session, keyIdOf(session, 'k'))).toBe(VALUE)
    expect(getKey(session, keyIdOf(session, 'k'))).toMatchObject({
      metadata: { tier: 'paid' },
      lastVerifyResult: stored,
      status: 'active',
    })
    expect(other.requests.length).toBe(before)
  })

  it('a provider that never answers times out (PROVIDER_TIMEOUT) without hanging', async () => {
    const started = Date.now()
    await expect(verifyKey(session, keyIdOf(session, 'k'), { ...deps('slow'), timeoutMs: 300 })).rejects.toMatchObject({
      code: 'PROVIDER_TIMEOUT',
    })
    expect(Date.now() - started).toBeLessThan(5_000)
  })
})

describe('rate limits', () => {
  it('AIsoule bursts past 10 a second back off on 429 + Retry-After and all succeed', async () => {
    const keys = new Map([['ak_live_burst_0000000000', { status: 'active' as const }]])
    const simulator = await startAisouleSimulator(keys)
    try {
      createKey(session, { provider: 'aisoule', name: 'burst' }, 'ak_live_burst_0000000000')
      const http: HttpDeps = {
        fetch,
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
        env: { KEYWARD_AISOULE_BASE_URL: simulator.baseUrl },
      }
      const results = await Promise.all(
        Array.from({ length: 14 }, () => verifyKey(session, keyIdOf(session, 'aisoule/burst'), http)),
      )
      expect(results).toHaveLength(14)
      expect(simulator.requests.length).toBeGreaterThan(14) // some were answered 429 and retried
    } finally {
      await simulator.close()
    }
  }, 20_000)
})

describe('well-known providers with a documented check endpoint', () => {
  it('GitHub: GET /user with the token as Bearer; a 401 marks the key invalid', async () => {
    const api = await startSimulator((request) =>
      request.path === '/user' && request.headers.authorization === `Bearer ghp_${'a'.repeat(36)}`
        ? { status: 200, body: { login: 'ada' } }
        : { status: 401, body: { message: 'Bad credentials' } },
    )
    try {
      const http: HttpDeps = { fetch, sleep: async () => undefined, env: { KEYWARD_GITHUB_BASE_URL: api.origin } }
      createKey(session, { provider: 'github', name: 'good' }, `ghp_${'a'.repeat(36)}`)
      createKey(session, { provider: 'github', name: 'bad' }, `ghp_${'b'.repeat(36)}`)
      expect((await verifyKey(session, keyIdOf(session, 'github/good'), http)).summary).toBe(
        'GitHub accepted the token (ada).',
      )
      await expect(verifyKey(session, keyIdOf(session, 'github/bad'), http)).rejects.toMatchObject({
        code: 'KEY_REJECTED',
      })
      expect(getKey(session, keyIdOf(session, 'github/bad')).lastVerifyResult).toBe('invalid')
    } finally {
      await api.close()
    }
  })

  it('a provider without one (Perplexity) says so, and no request is made', async () => {
    createKey(session, { provider: 'perplexity', name: 'ci' }, `pplx-${'a'.repeat(48)}`)
    const refuse = (() => Promise.reject(new Error('no request expected'))) as typeof fetch
    await expect(
      verifyKey(session, keyIdOf(session, 'perplexity/ci'), { fetch: refuse, sleep: async () => undefined, env: {} }),
    ).rejects.toMatchObject({ code: 'UNSUPPORTED', message: expect.stringMatching(/metadata only/) })
  })
})
