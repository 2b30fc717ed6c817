import { asObject, type ProviderAdapter, type VerifyResult } from './adapter'

// Mailosaur as its official SDK calls it (mailosaur 11.1.1): HTTP Basic, key as user name; 401 = the key is not
// known (authentication_error), 403 = the key is known but lacks permission (permission_error).

function serverIdOf(metadata: Readonly<Record<string, unknown>>): string | null {
  return typeof metadata.serverId === 'string' && metadata.serverId !== '' ? metadata.serverId : null
}

/**
 * Mailosaur. A key with a recorded server id is verified by reading one message summary of that server
 * (`GET /messages?server=ID&itemsPerPage=1`), which a server-restricted key may do; without one, by listing servers
 * (`GET /servers`), which only an account-level key may do. A 403 is a valid key without that permission:
 * `restricted`, never invalid — a server-restricted key without a recorded server id is asked for it.
 */
export const mailosaurAdapter: ProviderAdapter = {
  async verify(call, key): Promise<VerifyResult> {
    const serverId = serverIdOf(key.metadata)
    if (serverId !== null) {
      const { status } = await call({
        path: `/messages?server=${encodeURIComponent(serverId)}&itemsPerPage=1`,
        accept: [403],
      })
      if (status === 403)
        return {
          outcome: 'restricted',
          metadata: {},
          summary: `Mailosaur knows this key, but it may not read inbox ${serverId}: check the server id.`,
        }
      return { outcome: 'live', metadata: { serverId }, summary: `Mailosaur key is live for inbox ${serverId}.` }
    }
    const { status, body } = await call({ path: '/servers', accept: [403] })
    if (status === 403) {
      return {
        outcome: 'restricted',
        metadata: { keyType: 'server-restricted' },
        summary: `Mailosaur knows this key, but it may not list servers: a server-restricted key. Record its server id (--metadata '{"serverId":"…"}') to verify it against its inbox.`,
      }
    }
    const servers = asObject(body).items
    return {
      outcome: 'live',
      metadata: { keyType: 'standard' },
      summary: `Mailosaur standard key is live (${Array.isArray(servers) ? servers.length : 0} servers).`,
    }
  },
  /** Verify, plus the account's usage against its limits (`GET /usage/limits`) where the key may read them. */
  async sync(call, key, context) {
    const verified = await mailosaurAdapter.verify(call, key, context)
    const { status, body } = await call({ path: '/usage/limits', accept: [403] })
    if (status === 403) return verified
    return { ...verified, metadata: { ...verified.metadata, usageLimits: asObject(body) } }
  },
}
