import { asObject, live, rejected, restricted, type ProviderAdapter } from './adapter'

// OpenAI API reference, "List models" (GET /v1/models) and "Error codes": a restricted key without the Models read
// permission answers 401 with "You have insufficient permissions for this operation. Missing scopes: api.model.read";
// a wrong or revoked key answers 401 "Incorrect API key provided".
function message(body: unknown): string {
  const text = asObject(asObject(body).error).message
  return typeof text === 'string' ? text : ''
}

export const openaiAdapter: ProviderAdapter = {
  async verify(call) {
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
