import { asObject, type ProviderAdapter } from './adapter'

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

/** Elastic Email (X-ElasticEmail-ApiKey): verified by listing the account's keys and finding this one by its last 5. */
export const elasticEmailAdapter: ProviderAdapter = {
  async verify(call, _key, tail) {
    const { body } = await call({ path: '/security/apikeys' })
    const mine = remoteApiKeys(body).find((remote) => remote.lastFive === tail)
    const metadata = mine === undefined ? {} : { remoteName: mine.name, accessLevel: mine.accessLevel, expires: mine.expires, ipRanges: mine.ipRanges }
    return { metadata, summary: `Elastic Email key is live${mine === undefined ? '' : ` ("${mine.name}", ${mine.accessLevel.join(', ') || 'no access levels'})`}.` }
  },
}
