// Contract: Elastic Email's official SDK (@elasticemail/elasticemail-client 4.0.26) drives the simulator. If the SDK
// cannot parse an answer into its own models (ApiKey, NewApiKey), or sends what the simulator does not expect, the
// simulator is wrong — and so would be the adapter tested against it.
import { createRequire } from 'node:module'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newElasticToken, startElasticEmailSimulator, type ElasticKey } from '../../simulators/elasticEmail'
import type { RunningSimulator } from '../../simulators/simulatorServer'

type Callback<T> = (error: (Error & { status?: number; response?: { body?: unknown } }) | null, data: T) => void
interface SdkApiKey {
  readonly Name: string
  readonly AccessLevel: string[]
  readonly DateCreated: Date
  readonly Expires?: Date | null
  readonly RestrictAccessToIPRange: string[]
}
interface SdkClient {
  authentications: { apikey: { apiKey?: string } }
}
interface SecurityApi {
  securityApikeysGet(opts: object, callback: Callback<SdkApiKey[]>): void
  securityApikeysPost(payload: object, callback: Callback<SdkApiKey & { Token: string }>): void
  securityApikeysByNameGet(name: string, opts: object, callback: Callback<SdkApiKey>): void
  securityApikeysByNameDelete(name: string, opts: object, callback: Callback<null>): void
}
interface Sdk {
  ApiClient: new (basePath: string) => SdkClient
  SecurityApi: new (client: SdkClient) => SecurityApi
  ApiKey: new () => SdkApiKey
  NewApiKey: new () => SdkApiKey & { Token: string }
  ApiKeyPayload: new (name: string, accessLevel: string[]) => object
}

const sdk = createRequire(import.meta.url)('@elasticemail/elasticemail-client') as Sdk
const admin = newElasticToken()
const sendOnly = newElasticToken()
const keys: ElasticKey[] = [
  { name: 'admin', token: admin, accessLevel: ['Security', 'ModifyAccessTokens'], expires: null, ipRanges: [] },
  {
    name: 'sender',
    token: sendOnly,
    accessLevel: ['SendHttp'],
    expires: '2030-01-01T00:00:00Z',
    ipRanges: ['192.0.2.0/24'],
  },
]
let simulator: RunningSimulator & { baseUrl: string }

function api(token: string): SecurityApi {
  const client = new sdk.ApiClient(simulator.baseUrl)
  client.authentications.apikey.apiKey = token
  return new sdk.SecurityApi(client)
}

/** The SDK's callback as a promise of data, or of the error it raised. */
function settle<T>(
  start: (callback: Callback<T>) => void,
): Promise<{ data: T | null; error: Parameters<Callback<T>>[0] }> {
  return new Promise((resolve) => start((error, data) => resolve({ data: error === null ? data : null, error })))
}

beforeAll(async () => {
  simulator = await startElasticEmailSimulator(keys)
})
afterAll(() => simulator.close())

describe('the Elastic Email simulator, driven by the official SDK', () => {
  it("lists keys as the SDK's ApiKey models — names, access levels, dates, and no token at all", async () => {
    const { data, error } = await settle<SdkApiKey[]>((callback) => api(admin).securityApikeysGet({}, callback))
    expect(error).toBeNull()
    expect(data?.map((key) => key.constructor)).toEqual([sdk.ApiKey, sdk.ApiKey])
    expect(data?.map((key) => key.Name)).toEqual(['admin', 'sender'])
    expect(data?.[1]?.Expires).toEqual(new Date('2030-01-01T00:00:00Z'))
    expect(data?.[1]?.RestrictAccessToIPRange).toEqual(['192.0.2.0/24'])
    expect(JSON.stringify(simulator.requests.at(-1))).not.toContain(sendOnly)
    expect(data?.some((key) => 'Token' in key)).toBe(false)
  })

  it('creates a key from an ApiKeyPayload and answers a NewApiKey with its Token; reads and deletes it by name', async () => {
    const payload = new sdk.ApiKeyPayload('rotated', ['SendHttp'])
    const created = await settle<SdkApiKey & { Token: string }>((callback) =>
      api(admin).securityApikeysPost(payload, callback),
    )
    expect(created.error).toBeNull()
    expect(created.data?.constructor).toBe(sdk.NewApiKey)
    expect(created.data?.Token).toMatch(/^[0-9A-Z]{96}$/)
    expect(simulator.requests.at(-1)?.body).toEqual({ Name: 'rotated', AccessLevel: ['SendHttp'] })
    const read = await settle<SdkApiKey>((callback) => api(admin).securityApikeysByNameGet('rotated', {}, callback))
    expect(read.data?.Name).toBe('rotated')
    expect(
      (await settle<null>((callback) => api(admin).securityApikeysByNameDelete('rotated', {}, callback))).error,
    ).toBeNull()
    expect(keys.map((key) => key.name)).toEqual(['admin', 'sender'])
  })

  it('a send-only key and an unknown key both answer 400; only the Error text tells them apart', async () => {
    const restricted = await settle<SdkApiKey[]>((callback) => api(sendOnly).securityApikeysGet({}, callback))
    expect(restricted.error?.status).toBe(400)
    expect(restricted.error?.response?.body).toEqual({ Error: expect.stringMatching(/Security/) as unknown })
    const unknown = await settle<SdkApiKey[]>((callback) => api(newElasticToken()).securityApikeysGet({}, callback))
    expect(unknown.error?.status).toBe(400)
    expect(unknown.error?.response?.body).toEqual({ Error: 'APIKey Invalid' })
  })
})
