import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { KeywardError } from '../../../../src-main/core/errors'
import { findProvider } from '../../../../src-main/core/providers/builtinProviders'
import type { ProviderDefinition } from '../../../../src-main/core/providers/providerDefinition'
import { providerRequest, type HttpDeps } from '../../../../src-main/core/providers/providerHttp'

const KEY = 'sm_canary_key_0123456789abcdef'
type Route = (request: IncomingMessage, response: ServerResponse) => void

async function startServer(route: Route): Promise<{ server: Server; origin: string; seen: IncomingMessage[] }> {
  const seen: IncomingMessage[] = []
  const server = createServer((request, response) => {
    seen.push(request)
    route(request, response)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen }
}

const json = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  response.writeHead(status, { 'Content-Type': 'application/json', ...headers })
  response.end(JSON.stringify(body))
}

let api: Awaited<ReturnType<typeof startServer>>
let elsewhere: Awaited<ReturnType<typeof startServer>>
let rateLimitedCalls = 0
let inFlight = 0
let maxInFlight = 0

beforeAll(async () => {
  elsewhere = await startServer((_request, response) => json(response, 200, { stolen: true }))
  api = await startServer((request, response) => {
    const path = request.url ?? ''
    if (path === '/v1/ok') return json(response, 200, { ok: true })
    if (path === '/v1/denied') return json(response, 401, { error: { code: 'unauthorized', message: 'bad key' } })
    if (path === '/v1/limited-once')
      return ++rateLimitedCalls === 1
        ? json(response, 429, { error: { code: 'rate_limit_exceeded' } }, { 'Retry-After': '2' })
        : json(response, 200, { ok: 'after retry' })
    if (path === '/v1/limited-always') return json(response, 429, {}, { 'Retry-After': '1' })
    if (path === '/v1/slow') return void setTimeout(() => json(response, 200, {}), 500)
    if (path === '/v1/broken') return json(response, 503, {})
    // Headers at once, then a body that never finishes.
    if (path === '/v1/stalls')
      return void (response.writeHead(200, { 'Content-Type': 'application/json' }), response.write('{"ok":'))
    if (path === '/v1/huge') {
      response.writeHead(200, { 'Content-Type': 'application/json' })
      const chunk = `"${'x'.repeat(64 * 1024)}",`
      response.write('[')
      for (let i = 0; i < 40; i++) response.write(chunk)
      return void response.end('0]')
    }
    if (path === '/v1/not-json') return void response.end('<html>oops</html>')
    if (path === '/v1/moved-out') return void response.writeHead(302, { Location: `${elsewhere.origin}/v1/ok` }).end()
    if (path === '/v1/moved-in') return void response.writeHead(301, { Location: '/v1/ok' }).end()
    if (path === '/v1/busy') {
      inFlight += 1
      maxInFlight = Math.max(maxInFlight, inFlight)
      return void setTimeout(() => {
        inFlight -= 1
        json(response, 200, {})
      }, 30)
    }
    json(response, 404, {})
  })
})
afterAll(() => {
  api.server.close()
  elsewhere.server.close()
})

const waits: number[] = []
const deps = (): HttpDeps => ({
  fetch,
  sleep: async (ms) => void waits.push(ms),
  env: { KEYWARD_SOLENOID_METER_BASE_URL: `${api.origin}/v1` },
})
const meter = findProvider('solenoid-meter') as ProviderDefinition

async function failure(
  path: string,
  extra: Partial<Parameters<typeof providerRequest>[1]> = {},
): Promise<KeywardError> {
  const error = await providerRequest(meter, { path, key: KEY, ...extra }, deps()).catch((caught: unknown) => caught)
  if (!(error instanceof KeywardError)) throw new Error(`expected a KeywardError, got ${String(error)}`)
  expect(error.message).not.toContain(KEY)
  return error
}

describe('providerRequest', () => {
  it("sends the key in the provider's scheme and returns the JSON body", async () => {
    const response = await providerRequest(meter, { path: '/ok', key: KEY }, deps())
    expect(response).toEqual({ status: 200, body: { ok: true } })
    expect(api.seen.at(-1)?.headers.authorization).toBe(`Bearer ${KEY}`)
  })

  it('uses a named header and HTTP Basic for the providers that document them', async () => {
    const aisoule = { ...(findProvider('aisoule') as ProviderDefinition), baseUrl: `${api.origin}/v1` }
    await providerRequest(aisoule, { path: '/ok', key: KEY }, { ...deps(), env: {} })
    expect(api.seen.at(-1)?.headers['x-api-key']).toBe(KEY)
    const mailosaur = { ...(findProvider('mailosaur') as ProviderDefinition), baseUrl: `${api.origin}/v1` }
    await providerRequest(mailosaur, { path: '/ok', key: KEY }, { ...deps(), env: {} })
    expect(api.seen.at(-1)?.headers.authorization).toBe(`Basic ${Buffer.from(`${KEY}:`).toString('base64')}`)
  })

  it('maps 401 to KEY_REJECTED, 5xx to PROVIDER_ERROR, a non-JSON body to PROVIDER_BAD_RESPONSE', async () => {
    expect((await failure('/denied')).code).toBe('KEY_REJECTED')
    expect((await failure('/broken')).code).toBe('PROVIDER_ERROR')
    expect((await failure('/not-json')).code).toBe('PROVIDER_BAD_RESPONSE')
  })

  it('waits as Retry-After says on 429 and retries; gives up with PROVIDER_RATE_LIMITED after bounded attempts', async () => {
    waits.length = 0
    expect((await providerRequest(meter, { path: '/limited-once', key: KEY }, deps())).body).toEqual({
      ok: 'after retry',
    })
    expect(waits).toEqual([2000])
    waits.length = 0
    expect((await failure('/limited-always')).code).toBe('PROVIDER_RATE_LIMITED')
    expect(waits).toEqual([1000, 1000, 1000])
  })

  it('times out with PROVIDER_TIMEOUT', async () => {
    expect((await failure('/slow', { timeoutMs: 100 })).code).toBe('PROVIDER_TIMEOUT')
  })

  it('follows a redirect within the origin, and never sends the key along a redirect to another origin', async () => {
    expect((await providerRequest(meter, { path: '/moved-in', key: KEY }, deps())).body).toEqual({ ok: true })
    const before = elsewhere.seen.length
    expect((await failure('/moved-out')).code).toBe('PROVIDER_REDIRECT')
    expect(elsewhere.seen.length).toBe(before)
  })

  it('refuses plain http to anything but this machine before sending anything', async () => {
    const remote = { ...deps(), env: { KEYWARD_SOLENOID_METER_BASE_URL: 'http://10.0.0.1/v1' } }
    await expect(providerRequest(meter, { path: '/ok', key: KEY }, remote)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    })
  })

  it("a body that stalls after its headers is PROVIDER_TIMEOUT, within the request's own time", async () => {
    const error = await failure('/stalls', { timeoutMs: 300 })
    expect(error.code).toBe('PROVIDER_TIMEOUT')
  })

  it('refuses a body over 1 MiB without buffering it', async () => {
    const error = await failure('/huge')
    expect(error).toMatchObject({ code: 'PROVIDER_BAD_RESPONSE', message: expect.stringMatching(/more than 1 MiB/) })
  })

  it('accepts a base-URL override only for this machine, even over https, and sends nothing elsewhere', async () => {
    for (const target of [
      'https://evil.example/v1',
      'https://127.0.0.1.evil.example/v1',
      'https://[::ffff:10.0.0.1]/v1',
      'not a url',
    ]) {
      const planted = { ...deps(), env: { KEYWARD_SOLENOID_METER_BASE_URL: target } }
      let sent = 0
      // Records and refuses: nothing in this test ever leaves the machine, whatever the code under test does.
      const counting = {
        ...planted,
        fetch: (async () => (sent++, Promise.reject(new TypeError('refused by the test')))) as typeof fetch,
      }
      await expect(providerRequest(meter, { path: '/ok', key: KEY }, counting)).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        message: expect.stringMatching(/only for a local simulator/),
      })
      expect(sent).toBe(0)
    }
    expect((await providerRequest(meter, { path: '/ok', key: KEY }, deps())).status).toBe(200)
  })

  it("keeps a path that tries to name another host on the provider's origin", async () => {
    const before = elsewhere.seen.length
    const noPathBase = { ...deps(), env: { KEYWARD_SOLENOID_METER_BASE_URL: api.origin } }
    const hostile = `@${new URL(elsewhere.origin).host}/v1/ok`
    await expect(providerRequest(meter, { path: hostile, key: KEY }, noPathBase)).rejects.toMatchObject({
      code: 'PROVIDER_ERROR',
    })
    expect(elsewhere.seen.length).toBe(before)
  })

  it('says PROVIDER_UNREACHABLE when nothing listens', async () => {
    const closed = { ...deps(), env: { KEYWARD_SOLENOID_METER_BASE_URL: 'http://127.0.0.1:9/v1' } }
    await expect(providerRequest(meter, { path: '/ok', key: KEY }, closed)).rejects.toMatchObject({
      code: 'PROVIDER_UNREACHABLE',
    })
  })

  it('keeps concurrent calls to one provider under its cap (10 for Solenoid Meter)', async () => {
    await Promise.all(Array.from({ length: 30 }, () => providerRequest(meter, { path: '/busy', key: KEY }, deps())))
    expect(maxInFlight).toBeGreaterThan(1)
    expect(maxInFlight).toBeLessThanOrEqual(10)
  })
})
