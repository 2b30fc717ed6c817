// Solo (solomail.io), following its API documentation literally (no SDK or OpenAPI spec exists): Bearer auth;
// GET /identity answers the documented Identity object — id, handle, address, scope, displayName, profile,
// whitelistedAddresses, createdAt, updatedAt — the identity (mailbox) the key belongs to; nothing about a plan or the
// key itself. Daily request limits per plan come from the pricing help text.
// ASSUMPTIONS (marked in the README): the types of `scope` (a list) and `profile` (an object), 401 for an invalid or
// revoked key, 429 past the daily limit.
import { bearer, startSimulator, type RunningSimulator } from './simulatorServer'

export interface SoloKey {
  handle: string
  scope: string[]
  plan: 'Free' | 'Solopreneur' | 'Small Business' | 'Enterprise'
  status: 'active' | 'revoked'
  usedToday: number
}

const dailyLimit = { Free: 100, Solopreneur: 1000, 'Small Business': 10_000, Enterprise: Number.POSITIVE_INFINITY }

/** The documented Identity of the mailbox a key belongs to. */
function identity(key: SoloKey) {
  return {
    id: `idn_${key.handle}`,
    handle: key.handle,
    address: `${key.handle}@solomail.io`,
    scope: key.scope,
    displayName: key.handle.toUpperCase(),
    profile: { bio: '' },
    whitelistedAddresses: ['ops@example.test'],
    createdAt: '2026-01-02T03:04:05Z',
    updatedAt: '2026-06-07T08:09:10Z',
  }
}

export async function startSoloSimulator(keys: Map<string, SoloKey>): Promise<RunningSimulator & { baseUrl: string }> {
  const simulator = await startSimulator((request) => {
    const key = keys.get(bearer(request) ?? '')
    if (key === undefined || key.status === 'revoked')
      return { status: 401, body: { error: 'invalid_api_key', message: 'The API key is invalid or revoked.' } }
    key.usedToday += 1
    if (key.usedToday > dailyLimit[key.plan])
      return { status: 429, body: { error: 'daily_limit_reached' }, headers: { 'Retry-After': '3600' } }
    if (request.method === 'GET' && request.path === '/api/v1/identity') return { status: 200, body: identity(key) }
    return { status: 404, body: { error: 'not_found' } }
  })
  return { ...simulator, baseUrl: `${simulator.origin}/api/v1` }
}
