import { KeywardError } from '../../errors'
import { asObject, type ProviderAdapter, type ProviderCall } from './adapter'

/** Elastic Email keys, as `GET /security/apikeys` lists them (the list shows only each key's last 5 characters). */
export interface RemoteApiKey {
  readonly name: string
  readonly accessLevel: readonly string[]
  readonly lastFive: string
  readonly expires: string | null
  readonly ipRanges: readonly string[]
}

export function remoteApiKeys(body: unknown): RemoteApiKey[] {
  return (Array.isArray(body) ? body : []).map((item) => {
    const entry = asObject(item)
    return {
      name: String(entry.Name ?? ''),
      accessLevel: Array.isArray(entry.AccessLevel) ? entry.AccessLevel.map(String) : [],
      lastFive: String(entry.Token ?? '').slice(-5),
      expires: typeof entry.Expires === 'string' ? entry.Expires : null,
      ipRanges: Array.isArray(entry.RestrictAccessToIPRange) ? entry.RestrictAccessToIPRange.map(String) : [],
    }
  })
}

async function findMine(call: ProviderCall, tail: string): Promise<RemoteApiKey> {
  const { body } = await call({ path: '/security/apikeys' })
  const mine = remoteApiKeys(body).find((remote) => remote.lastFive === tail)
  if (mine === undefined) throw new KeywardError('PROVIDER_ERROR', 'Elastic Email lists no key ending in these 5 characters: it may have been deleted in the dashboard.')
  return mine
}

function metadataOf(remote: RemoteApiKey): Record<string, unknown> {
  return { remoteName: remote.name, accessLevel: remote.accessLevel, expires: remote.expires, ipRanges: remote.ipRanges }
}

/** Elastic Email (X-ElasticEmail-ApiKey): verified by listing the account's keys and finding this one by its last 5. */
export const elasticEmailAdapter: ProviderAdapter = {
  async verify(call, _key, tail) {
    const { body } = await call({ path: '/security/apikeys' })
    const mine = remoteApiKeys(body).find((remote) => remote.lastFive === tail)
    const metadata = mine === undefined ? {} : { remoteName: mine.name, accessLevel: mine.accessLevel, expires: mine.expires, ipRanges: mine.ipRanges }
    return { metadata, summary: `Elastic Email key is live${mine === undefined ? '' : ` ("${mine.name}", ${mine.accessLevel.join(', ') || 'no access levels'})`}.` }
  },
  /** Create a key with the same access levels, IP ranges and expiry → store it → delete the old one. */
  async rotate(call, _key, tail) {
    const old = await findMine(call, tail)
    const name = `${old.name.replace(/-rotated-\d{8}T\d{6}$/, '')}-rotated-${new Date().toISOString().replace(/[-:]/g, '').slice(0, 15)}`
    const created = await call({
      method: 'POST',
      path: '/security/apikeys',
      body: { Name: name, AccessLevel: old.accessLevel, ...(old.expires === null ? {} : { Expires: old.expires }), RestrictAccessToIPRange: old.ipRanges },
      accept: [400],
    })
    if (created.status === 400) throw new KeywardError('PROVIDER_ERROR', 'Elastic Email refused to create the new key (an account holds at most 15 keys: delete an unused one first).')
    if (typeof created.body !== 'string' || created.body.length < 20) throw new KeywardError('PROVIDER_BAD_RESPONSE', 'Elastic Email did not return the new key.')
    return {
      newValue: created.body,
      metadata: { ...metadataOf(old), remoteName: name },
      retireOld: async (callWithNewKey) => void (await callWithNewKey({ method: 'DELETE', path: `/security/apikeys/${encodeURIComponent(old.name)}` })),
    }
  },
  async revoke(call, _key, tail) {
    const mine = await findMine(call, tail)
    await call({ method: 'DELETE', path: `/security/apikeys/${encodeURIComponent(mine.name)}` })
  },
  async sync(call, _key, tail) {
    const mine = await findMine(call, tail)
    return { metadata: metadataOf(mine), summary: `Elastic Email key "${mine.name}": ${mine.accessLevel.join(', ') || 'no access levels'}${mine.expires === null ? '' : `, expires ${mine.expires}`}.` }
  },
}
