// Elastic Email v4: X-ElasticEmail-ApiKey; /security/apikeys lists (last 5 characters only), creates (at most 15 keys,
// with AccessLevel, Expires, RestrictAccessToIPRange), reads, updates and deletes keys by name.
import { randomBytes } from 'node:crypto'
import { startSimulator, type RunningSimulator } from './simulatorServer'

export interface ElasticKey {
  name: string
  token: string
  accessLevel: string[]
  expires: string | null
  ipRanges: string[]
}

const MAX_KEYS = 15

export function newElasticToken(): string {
  return randomBytes(48).toString('hex').toUpperCase()
}

export async function startElasticEmailSimulator(keys: ElasticKey[]): Promise<RunningSimulator & { baseUrl: string }> {
  const listed = (key: ElasticKey) => ({ Name: key.name, AccessLevel: key.accessLevel, Token: `********${key.token.slice(-5)}`, Expires: key.expires, RestrictAccessToIPRange: key.ipRanges })
  const simulator = await startSimulator((request) => {
    const presented = request.headers['x-elasticemail-apikey']
    const caller = keys.find((key) => key.token === presented)
    if (caller === undefined) return { status: 401, body: { Error: 'Access Denied.' } }
    if (caller.expires !== null && Date.parse(caller.expires) < Date.now()) return { status: 401, body: { Error: 'API key expired.' } }
    if (request.path === '/v4/security/apikeys') {
      if (request.method === 'GET') return { status: 200, body: keys.map(listed) }
      if (request.method === 'POST') {
        const body = (request.body ?? {}) as { Name?: string; AccessLevel?: string[]; Expires?: string; RestrictAccessToIPRange?: string[] }
        if (keys.length >= MAX_KEYS) return { status: 400, body: { Error: 'Maximum number of API keys (15) reached.' } }
        if (typeof body.Name !== 'string' || keys.some((key) => key.name === body.Name)) return { status: 400, body: { Error: 'Name missing or already used.' } }
        const created = { name: body.Name, token: newElasticToken(), accessLevel: body.AccessLevel ?? [], expires: body.Expires ?? null, ipRanges: body.RestrictAccessToIPRange ?? [] }
        keys.push(created)
        return { status: 201, body: created.token }
      }
    }
    const name = /^\/v4\/security\/apikeys\/([^/]+)$/.exec(request.path)?.[1]
    if (name !== undefined) {
      const index = keys.findIndex((key) => key.name === decodeURIComponent(name))
      if (index < 0) return { status: 404, body: { Error: 'Not found.' } }
      if (request.method === 'DELETE') {
        keys.splice(index, 1)
        return { status: 204 }
      }
      return { status: 200, body: listed(keys[index] as ElasticKey) }
    }
    return { status: 404, body: { Error: 'Not found.' } }
  })
  return { ...simulator, baseUrl: `${simulator.origin}/v4` }
}
