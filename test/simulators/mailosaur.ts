// Mailosaur, as its official SDK (mailosaur 11.1.1) calls it: HTTP Basic with the key as user name and an empty
// password (cjs/request.js); `GET api/servers` → { items } (cjs/operations/servers.js); `GET api/messages?server=ID
// &itemsPerPage=N` → MessageListResult { items } (cjs/operations/messages.js list); `GET api/usage/limits`
// (cjs/operations/usage.js). Errors (cjs/mailosaur.js httpError): 401 authentication_error ("check your API key"),
// 403 permission_error ("Insufficient permission"), 404 not found.
// ASSUMPTIONS (Mailosaur's help text, not the SDK): a server-restricted key may read only its own server's messages,
// cannot list servers, and cannot read account usage (403 for each).
import { startSimulator, type RunningSimulator, type SimulatorOptions, type SimulatorRequest } from './simulatorServer'

export type MailosaurKey = { type: 'standard' } | { type: 'server-restricted'; serverId: string }

function basicUser(request: SimulatorRequest): string | undefined {
  const header = request.headers.authorization
  if (header?.startsWith('Basic ') !== true) return undefined
  const [user, password] = Buffer.from(header.slice(6), 'base64').toString('utf8').split(':')
  return password === '' ? user : undefined
}

const forbidden = { status: 403, body: { message: 'Insufficient permission to perform that task.' } }

export async function startMailosaurSimulator(
  keys: Map<string, MailosaurKey>,
  servers: { id: string; name: string }[],
  options: SimulatorOptions = {},
): Promise<RunningSimulator & { baseUrl: string }> {
  const simulator = await startSimulator((request) => {
    const key = keys.get(basicUser(request) ?? '')
    if (key === undefined) return { status: 401, body: { message: 'Authentication failed, check your API key.' } }
    if (request.path === '/api/servers')
      return key.type === 'standard' ? { status: 200, body: { items: servers } } : forbidden
    if (request.path === '/api/messages' && request.method === 'GET') {
      const server = request.query.server
      if (server === undefined || !servers.some((candidate) => candidate.id === server))
        return { status: 404, body: { message: 'Not found, check input parameters.' } }
      if (key.type === 'server-restricted' && key.serverId !== server) return forbidden
      return { status: 200, body: { items: [] } }
    }
    if (request.path === '/api/usage/limits') {
      return key.type === 'standard'
        ? { status: 200, body: { servers: { limit: 5, current: servers.length }, email: { limit: 1000, current: 12 } } }
        : forbidden
    }
    return { status: 404, body: { message: 'Not found, check input parameters.' } }
  }, options)
  return { ...simulator, baseUrl: `${simulator.origin}/api` }
}
