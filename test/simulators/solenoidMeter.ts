// Solenoid Meter, following its help text literally (no SDK or OpenAPI spec exists): Bearer sm_…; the only
// documented read-only route is GET /v1/meter/balance → { balance, user_id }; POST /v1/keys/rotate returns
// { key } and invalidates the old key at once; free tier 10 requests a second.
// ASSUMPTIONS (marked in the README): the error body shape { error: { code, message } }, 401 for an unknown key,
// 429 with Retry-After.
import { randomBytes } from 'node:crypto'
import { bearer, rateLimiter, startSimulator, type RunningSimulator, type SimulatorOptions } from './simulatorServer'

export async function startSolenoidMeterSimulator(
  validKeys: Set<string>,
  options: SimulatorOptions = {},
): Promise<RunningSimulator & { baseUrl: string }> {
  const limited = rateLimiter(10, 1000)
  const simulator = await startSimulator((request) => {
    const key = bearer(request)
    if (key === undefined || !validKeys.has(key))
      return { status: 401, body: { error: { code: 'unauthorized', message: 'Invalid API key' } } }
    if (limited(key))
      return {
        status: 429,
        body: { error: { code: 'rate_limit_exceeded', message: 'Free tier: 10 requests per second' } },
        headers: { 'Retry-After': '1' },
      }
    if (request.method === 'GET' && request.path === '/v1/meter/balance')
      return { status: 200, body: { balance: 1250, user_id: 'usr_7f3a' } }
    if (request.method === 'POST' && request.path === '/v1/keys/rotate') {
      const next = `sm_${randomBytes(18).toString('hex')}`
      validKeys.delete(key)
      validKeys.add(next)
      return { status: 200, body: { key: next } }
    }
    return { status: 404, body: { error: { code: 'not_found', message: 'No such endpoint' } } }
  }, options)
  return { ...simulator, baseUrl: `${simulator.origin}/v1` }
}
