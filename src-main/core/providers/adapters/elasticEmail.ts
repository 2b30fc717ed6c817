import { KeywardError } from '../../errors'
import type { KeyRecord } from '../../keys/keyRecord'
import { asObject, rejected, type ProviderAdapter, type ProviderCall, type VerifyResult } from './adapter'

// Elastic Email API v4 as its official SDK defines it (@elasticemail/elasticemail-client 4.0.26, dist/api/SecurityApi.js
// and dist/model/{ApiKey,NewApiKey,ApiKeyPayload}.js): keys are listed, read, updated and deleted BY NAME; a listed
// ApiKey carries no part of its token; POST answers a NewApiKey whose `Token` is the new key. Reading keys needs the
// `Security` (newer: ViewAccessTokens) access level, changing them `ModifyAccessTokens` (older: Security) — which most
// sending keys lack. Elastic Email's API reference ("Errors") answers a missing, invalid or expired key with 400 and
// `{ "Error": "…" }` ("APIKey Expired") — the same status as a known key without an access level — so a 400 is
// judged by its Error text (classify400). A 401 is an unknown key too.

/** A 400 that names a missing access level: a valid key, restricted to what its levels allow. */
const LACKS_ACCESS = /access ?level|permission|not allowed|insufficient|requires?\b.*(security|access)/i
/** A 400 that says the key itself is bad: "APIKey Expired", "Invalid API key", "Access Denied". */
const DEAD_KEY = [
  /api ?key.*\b(expired|invalid|missing|unknown|incorrect|disabled|revoked)\b/i,
  /\b(expired|invalid|missing|unknown|incorrect)\b.*api ?key/i,
  /access denied/i,
]

/** How a 400's Error text reads: the key is dead, the key lacks an access level, or it cannot be told. */
export function classify400(error: string): 'invalid' | 'restricted' | 'unclear' {
  if (LACKS_ACCESS.test(error)) return 'restricted'
  return DEAD_KEY.some((pattern) => pattern.test(error)) ? 'invalid' : 'unclear'
}

/** Elastic Email's ApiKey model, as far as Keyward keeps it. */
interface RemoteApiKey {
  readonly name: string
  readonly accessLevel: readonly string[]
  readonly expires: string | null
  readonly ipRanges: readonly string[]
  readonly lastUse: string | null
}

function remoteApiKey(body: unknown): RemoteApiKey {
  const entry = asObject(body)
  const strings = (value: unknown) => (Array.isArray(value) ? value.map(String) : [])
  return {
    name: String(entry.Name ?? ''),
    accessLevel: strings(entry.AccessLevel),
    expires: typeof entry.Expires === 'string' ? entry.Expires : null,
    ipRanges: strings(entry.RestrictAccessToIPRange),
    lastUse: typeof entry.LastUse === 'string' ? entry.LastUse : null,
  }
}

/** The key names in a `GET /security/apikeys` answer (an array of ApiKey). */
export function elasticEmailNames(body: unknown): string[] {
  return (Array.isArray(body) ? body : []).map((entry) => remoteApiKey(entry).name)
}

function metadataOf(remote: RemoteApiKey): Record<string, unknown> {
  return {
    remoteName: remote.name,
    accessLevel: remote.accessLevel,
    expires: remote.expires,
    ipRanges: remote.ipRanges,
    lastUse: remote.lastUse,
  }
}

function errorText(body: unknown): string {
  const text = asObject(body).Error
  return typeof text === 'string' ? text.slice(0, 200) : 'no reason given'
}

/** The key's Name at Elastic Email: what identifies it there (recorded on add, or by a rotation Keyward made). */
function remoteNameOf(key: KeyRecord): string | null {
  return typeof key.metadata.remoteName === 'string' && key.metadata.remoteName !== '' ? key.metadata.remoteName : null
}

function needsName(key: KeyRecord, what: string): KeywardError {
  return new KeywardError(
    'INVALID_INPUT',
    `To ${what} ${key.ref} by API Keyward needs the key's name at Elastic Email (its API lists keys by name, never by value). ` +
      `Record it: keyward edit ${key.ref} --metadata '{"remoteName":"…"}' (keyward verify ${key.ref} lists the account's key names).`,
  )
}

/** A verify's 400: dead (KEY_REJECTED), restricted (valid for what it may do, such as sending), or not judged. */
function judge400(error: string): VerifyResult {
  const kind = classify400(error)
  if (kind === 'invalid') throw rejected('Elastic Email', `HTTP 400 "${error}"`)
  if (kind === 'unclear') {
    throw new KeywardError(
      'PROVIDER_ERROR',
      `Elastic Email refused the check without saying whether the key is valid ("${error}"): ` +
        'the key was not judged.',
    )
  }
  return {
    outcome: 'restricted',
    metadata: {},
    summary: `Elastic Email knows this key, but it may not read API keys (${error}): it works for what its access levels allow, such as sending.`,
  }
}

/** The key's own record at Elastic Email; a 400 is a dead key, or one that may not read API keys (dashboard). */
async function readOwn(call: ProviderCall, key: KeyRecord, what: string): Promise<RemoteApiKey> {
  const name = remoteNameOf(key)
  if (name === null) throw needsName(key, what)
  const { status, body } = await call({ path: `/security/apikeys/${encodeURIComponent(name)}`, accept: [400] })
  if (status === 400) {
    if (classify400(errorText(body)) === 'invalid') throw rejected('Elastic Email', `HTTP 400 "${errorText(body)}"`)
    throw new KeywardError(
      'NEEDS_DASHBOARD',
      `Elastic Email refused to read API key "${name}" with this key (${errorText(body)}). Managing keys by API needs the Security and ModifyAccessTokens access levels; ${what} it in the dashboard (Settings → Manage API Keys).`,
    )
  }
  return remoteApiKey(body)
}

/**
 * Elastic Email (X-ElasticEmail-ApiKey). Verify reads the key's own record by name (or the account's key list when
 * the name is not recorded yet). A 400 is judged by its Error text: an expired, invalid or missing key is invalid;
 * a known key without the access level to read keys is `restricted` (valid for what it may do, typically sending);
 * any other 400 leaves the key unjudged.
 */
export const elasticEmailAdapter: ProviderAdapter = {
  async verify(call, key): Promise<VerifyResult> {
    const name = remoteNameOf(key)
    const { status, body } = await call({
      path: name === null ? '/security/apikeys' : `/security/apikeys/${encodeURIComponent(name)}`,
      accept: [400],
    })
    if (status === 400) return judge400(errorText(body))
    if (name !== null) {
      const own = remoteApiKey(body)
      return {
        outcome: 'live',
        metadata: metadataOf(own),
        summary: `Elastic Email key "${own.name}" is live (${own.accessLevel.join(', ') || 'no access levels'}).`,
      }
    }
    const names = elasticEmailNames(body)
    return {
      outcome: 'live',
      metadata: {},
      summary: `Elastic Email key is live. The account's keys are ${names.map((entry) => `"${entry}"`).join(', ') || 'none'}: record which one this is with --metadata '{"remoteName":"…"}' to rotate or revoke it by API.`,
    }
  },
  /** Create a key with the same access levels, IP ranges and expiry → store its Token → delete the old one by name. */
  async rotate(call, key) {
    const old = await readOwn(call, key, 'rotate')
    const name = `${old.name.replace(/-rotated-\d{8}T\d{6}$/, '')}-rotated-${new Date().toISOString().replace(/[-:]/g, '').slice(0, 15)}`
    const created = await call({
      method: 'POST',
      path: '/security/apikeys',
      body: {
        Name: name,
        AccessLevel: old.accessLevel,
        ...(old.expires === null ? {} : { Expires: old.expires }),
        RestrictAccessToIPRange: old.ipRanges,
      },
      accept: [400],
    })
    if (created.status === 400)
      throw new KeywardError(
        'PROVIDER_ERROR',
        `Elastic Email refused to create the new key: ${errorText(created.body)}. Nothing changed.`,
      )
    const token = asObject(created.body).Token
    if (typeof token !== 'string')
      throw new KeywardError(
        'PROVIDER_BAD_RESPONSE',
        `Elastic Email created "${name}" but sent no Token: delete "${name}" in the dashboard.`,
      )
    return {
      newValue: token,
      metadata: { ...metadataOf(remoteApiKey(created.body)), remoteName: name },
      retireOld: async ({ withNewKey }) =>
        void (await withNewKey({ method: 'DELETE', path: `/security/apikeys/${encodeURIComponent(old.name)}` })),
    }
  },
  async revoke(call, key) {
    const own = await readOwn(call, key, 'revoke')
    await call({ method: 'DELETE', path: `/security/apikeys/${encodeURIComponent(own.name)}` })
  },
  async sync(call, key) {
    const own = await readOwn(call, key, 'sync')
    return {
      outcome: 'live',
      metadata: metadataOf(own),
      summary: `Elastic Email key "${own.name}": ${own.accessLevel.join(', ') || 'no access levels'}${own.expires === null ? '' : `, expires ${own.expires}`}.`,
    }
  },
}
