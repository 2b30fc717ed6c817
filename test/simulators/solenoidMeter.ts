// Solenoid Meter: Bearer sm_…; POST /v1/keys/rotate returns a new key and invalidates the old one at once;
// documented error bodies; free tier 10 requests a second.
import { randomBytes } from 'node:crypto'
import { bearer, rateLimiter, startSimulator, type RunningSimulator } from './simulatorServer'

export async function startSolenoidMeterSimulator(validKeys: Set<string>): Promise<RunningSimulator & { baseUrl: string }> {
  const limited = rateLimiter(10, 1000)
  const simulator = await startSimulator((request) => {
    const key = bearer(request)
    if (key === undefined || !validKeys.has(key)) return { status: 401, body: { error: { code: 'unauthorized', message: 'Invalid API key' } } }
    if (limited(key)) return { status: 429, body: { error: { code: 'rate_limit_exceeded', message: 'Free tier: 10 requests per second' } }, headers: { 'Retry-After': '1' } }
    if (request.method === 'GET' && request.path === '/v1/keys/current') return { status: 200, body: { tier: 'free', createdAt: '2026-01-01T00:00:00Z' } }
    if (request.method === 'POST' && request.path === '/v1/keys/rotate') {
      const next = `sm_${randomBytes(18).toString('hex')}`
      validKeys.delete(key)
      validKeys.add(next)
      return { status: 200, body: { key: next } }
    }
    return { status: 404, body: { error: { code: 'not_found', message: 'No such endpoint' } } }
  })
  return { ...simulator, baseUrl: `${simulator.origin}/v1` }
}
