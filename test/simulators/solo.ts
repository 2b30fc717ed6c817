// Solo (solomail.io), following its help text literally (no SDK or OpenAPI spec exists): Bearer auth; GET
// /identity describes the ACCOUNT the key belongs to (its name, plan, permissions); daily request limits per plan.
// ASSUMPTIONS (marked in the README): the field names, 401 for an invalid or revoked key, 429 past the daily limit.
import { bearer, startSimulator, type RunningSimulator } from './simulatorServer'

export interface SoloKey {
  name: string
  permissions: string[]
  plan: 'Free' | 'Solopreneur' | 'Small Business' | 'Enterprise'
  status: 'active' | 'revoked'
  usedToday: number
}

const dailyLimit = { Free: 100, Solopreneur: 1000, 'Small Business': 10_000, Enterprise: Number.POSITIVE_INFINITY }

export async function startSoloSimulator(keys: Map<string, SoloKey>): Promise<RunningSimulator & { baseUrl: string }> {
  const simulator = await startSimulator((request) => {
    const key = keys.get(bearer(request) ?? '')
    if (key === undefined || key.status === 'revoked')
      return { status: 401, body: { error: 'invalid_api_key', message: 'The API key is invalid or revoked.' } }
    key.usedToday += 1
    if (key.usedToday > dailyLimit[key.plan])
      return { status: 429, body: { error: 'daily_limit_reached' }, headers: { 'Retry-After': '3600' } }
    if (request.method === 'GET' && request.path === '/api/v1/identity') {
      return {
        status: 200,
        body: {
          name: key.name,
          email: `${key.name}@example.test`,
          permissions: key.permissions,
          plan: key.plan,
          status: key.status,
        },
      }
    }
    return { status: 404, body: { error: 'not_found' } }
  })
  return { ...simulator, baseUrl: `${simulator.origin}/api/v1` }
}
