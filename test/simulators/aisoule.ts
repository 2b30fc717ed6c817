// AIsoule: X-API-Key; keys may expire or be revoked; 100 requests a minute per key with bursts of 10 a second.
import { rateLimiter, startSimulator, type RunningSimulator } from './simulatorServer'

export interface AisouleKey {
  status: 'active' | 'expired' | 'revoked'
}

export async function startAisouleSimulator(
  keys: Map<string, AisouleKey>,
): Promise<RunningSimulator & { baseUrl: string }> {
  const perSecond = rateLimiter(10, 1000)
  const perMinute = rateLimiter(100, 60_000)
  const simulator = await startSimulator((request) => {
    const presented = request.headers['x-api-key']
    const key = typeof presented === 'string' ? keys.get(presented) : undefined
    if (key === undefined || key.status !== 'active')
      return { status: 401, body: { error: key === undefined ? 'invalid_key' : `key_${key.status}` } }
    if (perSecond(String(presented)) || perMinute(String(presented)))
      return { status: 429, body: { error: 'rate_limited' }, headers: { 'Retry-After': '1' } }
    if (request.method === 'GET' && request.path === '/api/contacts')
      return { status: 200, body: { items: [], total: 0 } }
    return { status: 404, body: { error: 'not_found' } }
  })
  return { ...simulator, baseUrl: `${simulator.origin}/api` }
}
