// Contract: Mailosaur's official SDK (mailosaur 11.1.1) drives the simulator. Its request.js speaks only https and
// passes no port to https.request (always 443), so the simulator serves TLS on 127.0.0.1 with a throwaway
// certificate and this test's https agent connects the SDK's port-443 connections to the simulator's port — the
// transport only; the SDK builds every request and parses every answer itself. If it cannot parse an answer into
// its models, or raises another error type than the simulator means, the simulator is wrong — and so would be the
// adapter tested against it.
import https from 'node:https'
import tls from 'node:tls'
import MailosaurClient from 'mailosaur'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startMailosaurSimulator, type MailosaurKey } from '../../simulators/mailosaur'
import type { RunningSimulator } from '../../simulators/simulatorServer'
import { loopbackCertificate } from '../../simulators/testCertificate'

const servers = [
  { id: 'abc123', name: 'CI inbox' },
  { id: 'def456', name: 'Staging' },
]
const keys = new Map<string, MailosaurKey>([
  ['standard_key_0001', { type: 'standard' }],
  ['restricted_key_0001', { type: 'server-restricted', serverId: 'abc123' }],
])
let simulator: RunningSimulator & { baseUrl: string }

const originalAgent = https.globalAgent

beforeAll(async () => {
  const certificate = loopbackCertificate()
  simulator = await startMailosaurSimulator(keys, servers, { tls: certificate })
  const port = Number(new URL(simulator.origin).port)
  // The SDK calls https.request without an agent, so the global agent carries its connections: to the simulator,
  // trusting only the throwaway certificate.
  const agent = new https.Agent({ ca: certificate.cert, keepAlive: false })
  agent.createConnection = (options, callback) =>
    tls.connect(
      { ...(options as tls.ConnectionOptions), host: '127.0.0.1', port, ca: certificate.cert },
      callback as () => void,
    )
  https.globalAgent = agent
})
afterAll(async () => {
  https.globalAgent = originalAgent
  await simulator.close()
})

/** The SDK client pointed at the simulator (its base URL ends with "/": paths are "api/…"). */
const client = (key: string) => new MailosaurClient(key, 'https://127.0.0.1/')

/** The SDK's error type for a failed call ("authentication_error", "permission_error", …). */
async function errorType(call: Promise<unknown>): Promise<string> {
  return call.then(
    () => 'no error',
    (error: { errorType?: string }) => error.errorType ?? 'not a MailosaurError',
  )
}

describe('mailosaur SDK against the simulator', () => {
  it('a standard key lists servers into ServerListResult and reads usage limits into UsageAccountLimits', async () => {
    const listed = await client('standard_key_0001').servers.list()
    expect(listed.items?.map((server) => server.id)).toEqual(['abc123', 'def456'])
    const limits = await client('standard_key_0001').usage.limits()
    expect(limits.email?.limit).toBe(1000)
    expect(limits.servers?.current).toBe(2)
  })

  it("a server-restricted key reads its own server's messages and gets permission_error elsewhere", async () => {
    const messages = await client('restricted_key_0001').messages.list('abc123', { itemsPerPage: 1 })
    expect(messages.items).toEqual([])
    expect(await errorType(client('restricted_key_0001').messages.list('def456', { itemsPerPage: 1 }))).toBe(
      'permission_error',
    )
    expect(await errorType(client('restricted_key_0001').servers.list())).toBe('permission_error')
    expect(await errorType(client('restricted_key_0001').usage.limits())).toBe('permission_error')
  })

  it('an unknown key is authentication_error; an unknown server invalid_request', async () => {
    expect(await errorType(client('not_a_key_0000').servers.list())).toBe('authentication_error')
    expect(await errorType(client('standard_key_0001').messages.list('nope', { itemsPerPage: 1 }))).toBe(
      'invalid_request',
    )
  })

  it("the SDK sent what Keyward's adapter sends: Basic with the key as user and an empty password", () => {
    const request = simulator.requests.find((entry) => entry.path === '/api/messages')
    expect(request?.headers.authorization).toBe(`Basic ${Buffer.from('restricted_key_0001:').toString('base64')}`)
    expect(request?.query).toMatchObject({ server: 'abc123', itemsPerPage: '1' })
  })
})
