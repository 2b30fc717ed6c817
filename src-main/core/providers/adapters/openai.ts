import { asObject, live, rejected, restricted, type ProviderAdapter, type ProviderCall } from './adapter'

// OpenAI API reference, "List models" (GET /v1/models) and "Error codes": a restricted key without the Models read
// permission answers 401 with "You have insufficient permissions for this operation. Missing scopes: api.model.read";
// a wrong or revoked key answers 401 "Incorrect API key provided".
function message(body: unknown): string {
  const text = asObject(asObject(body).error).message
  return typeof text === 'string' ? text : ''
}

/**
 * An admin key (`sk-admin-…`) manages the organization and calls no model: it is checked where it works, "List admin
 * API keys" (GET /v1/organization/admin_api_keys, OpenAI API reference, Administration).
 */
async function verifyAdmin(call: ProviderCall) {
  const { status } = await call({ path: '/organization/admin_api_keys?limit=1', accept: [401, 403] })
  if (status === 401) throw rejected('OpenAI', 'HTTP 401 (incorrect, revoked or deleted admin key)')
  if (status === 403) return restricted('OpenAI knows this admin key, but it may not list admin keys.')
  return live('OpenAI accepted the admin key (GET /v1/organization/admin_api_keys).')
}

export const openaiAdapter: ProviderAdapter = {
  async verify(call, _key, context) {
    if (context.variant === 'admin key') return verifyAdmin(call)
    const { status, body } = await call({ path: '/models', accept: [401, 403] })
    if (status === 403 || (status === 401 && /missing scopes|insufficient permissions/i.test(message(body)))) {
      return restricted(
        'OpenAI knows this key, but it may not list models: a restricted key without the Models read permission.',
      )
    }
    if (status === 401) throw rejected('OpenAI', 'HTTP 401 (incorrect, revoked or deleted key)')
    return live('OpenAI accepted the key (GET /v1/models).')
  },
}
