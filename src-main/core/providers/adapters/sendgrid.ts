import { KeywardError } from '../../errors'
import { asObject, live, needsDashboard, restricted, text, type KeyContext, type ProviderAdapter } from './adapter'

// SendGrid v3 API keys, from the official OpenAPI (twilio/sendgrid-oai spec/json/tsg_api_keys_v3.json) and the API
// reference (twilio.com/docs/sendgrid/api-reference/api-keys): a key is `SG.<api_key_id>.<secret>`.
// GET /v3/scopes lists the calling key's scopes (403 when it may not); GET /v3/api_keys/{id} (GetApiKey) →
// `{result: [{api_key_id, name, scopes}]}`; POST /v3/api_keys {name, scopes} → 201 {api_key, api_key_id, name,
// scopes}; DELETE /v3/api_keys/{id} → 204. Managing keys needs the api_keys.* scopes; without them SendGrid answers
// 403.
function scopesOf(body: unknown): string[] {
  const scopes = asObject(body).scopes
  return Array.isArray(scopes) ? scopes.map(String) : []
}

/**
 * The key's entry in a GetApiKey answer: the `result` entry with its id (or the only one), or — as SendGrid's older
 * reference showed — the key object itself. Its scopes are null when the answer does not list them.
 */
function ownEntry(body: unknown, id: string): { name: string | undefined; scopes: string[] | null } {
  const result = asObject(body).result
  const entries = Array.isArray(result) ? result.map(asObject) : [asObject(body)]
  const entry = entries.find((candidate) => candidate.api_key_id === id) ?? (entries.length === 1 ? entries[0] : {})
  const scopes = scopesOf(entry)
  return { name: text(entry, 'name'), scopes: scopes.length > 0 ? scopes : null }
}

function idOf(context: KeyContext): string {
  if (context.publicId === null)
    throw new KeywardError('INVALID_INPUT', 'This SendGrid value has no key id (SG.<id>.<secret>).')
  return encodeURIComponent(context.publicId)
}

export const sendgridAdapter: ProviderAdapter = {
  publicIdOf: (value) => /^SG\.([A-Za-z0-9_-]+)\./.exec(value.trim())?.[1] ?? null,
  async verify(call) {
    const { status, body } = await call({ path: '/scopes', accept: [403] })
    if (status === 403) return restricted('SendGrid knows this key, but it may not read its scopes: a restricted key.')
    const scopes = scopesOf(body)
    return live(`SendGrid key is live (${scopes.length} scopes).`, { scopes })
  },
  /** A new key with the old one's name and scopes; the old one is deleted with the new key once it is stored. */
  async rotate(call, key, context) {
    const id = idOf(context)
    const old = await call({ path: `/api_keys/${id}`, accept: [403] })
    if (old.status === 403)
      throw needsDashboard('SendGrid', 'this key may not manage API keys (it lacks the api_keys scopes)')
    const own = ownEntry(old.body, decodeURIComponent(id))
    // An empty or missing list is not "the same scopes": a key created with none would break whatever used the old.
    if (own.scopes === null)
      throw new KeywardError(
        'PROVIDER_BAD_RESPONSE',
        "SendGrid did not list this key's scopes, so Keyward cannot create a key with the same ones. " +
          'Nothing changed; rotate it in the dashboard.',
      )
    const name = own.name ?? key.name
    const created = await call({
      method: 'POST',
      path: '/api_keys',
      body: { name, scopes: own.scopes },
      accept: [403],
    })
    if (created.status === 403) throw needsDashboard('SendGrid', 'this key may not create API keys')
    const token = text(created.body, 'api_key')
    if (token === undefined)
      throw new KeywardError(
        'PROVIDER_BAD_RESPONSE',
        `SendGrid created "${name}" without sending its value: delete it in the dashboard.`,
      )
    return {
      newValue: token,
      metadata: { remoteName: name, scopes: scopesOf(created.body) },
      retireOld: async ({ withNewKey }) => void (await withNewKey({ method: 'DELETE', path: `/api_keys/${id}` })),
    }
  },
  async revoke(call, _key, context) {
    const { status } = await call({ method: 'DELETE', path: `/api_keys/${idOf(context)}`, accept: [403] })
    if (status === 403)
      throw needsDashboard('SendGrid', 'this key may not delete API keys (it lacks the api_keys scopes)')
  },
}
