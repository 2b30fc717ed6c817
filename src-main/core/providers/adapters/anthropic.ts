import { live, rejected, restricted, type ProviderAdapter } from './adapter'

// Anthropic Messages API reference, "List Models" (GET /v1/models, headers x-api-key and anthropic-version) and
// "Errors": 401 authentication_error, 403 permission_error, 404 not_found_error.
const VERSION = '2023-06-01'

/**
 * Anthropic: `GET /v1/models?limit=1`. 401/404 invalid (issue 11, from the errors page); 403 a known key without
 * permission.
 */
export const anthropicAdapter: ProviderAdapter = {
  async verify(call) {
    const { status } = await call({
      path: '/models?limit=1',
      headers: { 'anthropic-version': VERSION },
      accept: [401, 403, 404],
    })
    if (status === 401 || status === 404)
      throw rejected('Anthropic', `HTTP ${status} (authentication_error / not_found_error)`)
    if (status === 403) return restricted('Anthropic knows this key, but it may not list models (permission_error).')
    return live('Anthropic accepted the key (GET /v1/models).')
  },
}
