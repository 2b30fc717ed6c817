import { KeywardError } from '../../errors'
import { asObject, type ProviderAdapter } from './adapter'

/**
 * Mailosaur (HTTP Basic, key as user name). A standard key may list servers (`GET /servers`); a server-restricted
 * key works for its own inbox only, so it is verified against `GET /servers/{serverId}` with the id kept in the
 * key's metadata (`--metadata '{"serverId":"…"}'`).
 */
export const mailosaurAdapter: ProviderAdapter = {
  async verify(call, key) {
    const serverId = typeof key.metadata.serverId === 'string' ? key.metadata.serverId : undefined
    if (serverId !== undefined) {
      const { body } = await call({ path: `/servers/${encodeURIComponent(serverId)}` })
      const name = asObject(body).name
      return { metadata: { keyType: 'server-restricted', serverId, ...(typeof name === 'string' ? { serverName: name } : {}) }, summary: `Mailosaur server-restricted key is live for inbox ${serverId}.` }
    }
    const { status, body } = await call({ path: '/servers', accept: [403] })
    if (status === 403) {
      throw new KeywardError('KEY_REJECTED', 'Mailosaur refused to list servers: if this is a server-restricted key, record its server id.', { action: 'set-server-id' })
    }
    const servers = asObject(body).items
    return { metadata: { keyType: 'standard' }, summary: `Mailosaur standard key is live (${Array.isArray(servers) ? servers.length : 0} servers).` }
  },
  /** Verify, plus the account's usage against its limits (`GET /usage/limits`). */
  async sync(call, key, tail) {
    const verified = await mailosaurAdapter.verify(call, key, tail)
    const { body } = await call({ path: '/usage/limits' })
    return { metadata: { ...verified.metadata, usageLimits: asObject(body) }, summary: verified.summary }
  },
}
