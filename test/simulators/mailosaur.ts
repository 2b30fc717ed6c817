// Mailosaur: HTTP Basic with the key as user name; standard keys see every server (inbox), server-restricted keys
// only their own and cannot list servers.
import { startSimulator, type RunningSimulator, type SimulatorRequest } from './simulatorServer'

export type MailosaurKey = { type: 'standard' } | { type: 'server-restricted'; serverId: string }

function basicUser(request: SimulatorRequest): string | undefined {
  const header = request.headers.authorization
  if (header?.startsWith('Basic ') !== true) return undefined
  const [user, password] = Buffer.from(header.slice(6), 'base64').toString('utf8').split(':')
  return password === '' ? user : undefined
}

export async function startMailosaurSimulator(keys: Map<string, MailosaurKey>, servers: { id: string; name: string }[]): Promise<RunningSimulator & { baseUrl: string }> {
  const simulator = await startSimulator((request) => {
    const key = keys.get(basicUser(request) ?? '')
    if (key === undefined) return { status: 401, body: { message: 'Authentication failed' } }
    if (request.path === '/api/servers') {
      return key.type === 'standard' ? { status: 200, body: { items: servers } } : { status: 403, body: { message: 'Server-restricted keys cannot list servers' } }
    }
    const server = /^\/api\/servers\/([^/]+)$/.exec(request.path)?.[1]
    if (server !== undefined) {
      if (key.type === 'server-restricted' && key.serverId !== server) return { status: 403, body: { message: 'Forbidden' } }
      const found = servers.find((candidate) => candidate.id === server)
      return found === undefined ? { status: 404, body: { message: 'Not found' } } : { status: 200, body: found }
    }
    if (request.path === '/api/usage/limits') return { status: 200, body: { servers: { limit: 5, current: servers.length }, email: { limit: 1000, current: 12 } } }
    return { status: 404, body: { message: 'Not found' } }
  })
  return { ...simulator, baseUrl: `${simulator.origin}/api` }
}
