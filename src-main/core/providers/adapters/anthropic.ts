import { live, pick, rejected, restricted, type ProviderAdapter, type ProviderCall } from './adapter'

// Anthropic Messages API reference, "List Models" (GET /v1/models, headers x-api-key and anthropic-version) and
// "Errors": 401 authentication_error, 403 permission_error, 404 not_found_error.
const VERSION = '2023-06-01'

/**
 * An Admin API key (`sk-ant-admin01-…`) is for the Admin API only: "Get Current Organization" (GET
 * /v1/organizations/me → {id, name, type}, Anthropic API reference, Admin) checks it and names its organization.
 */
async function verifyAdmin(call: ProviderCall) {
  const { status, body } = await call({
    path: '/organizations/me',
    headers: { 'anthropic-version': VERSION },
    accept: [401, 403, 404],
  })
  if (status === 401 || status === 404) throw rejected('Anthropic', `HTTP ${status} (authentication_error)`)
  if (status === 403) return restricted('Anthropic knows this admin key, but it may not read its organization.')
  const organization = pick(body, ['id', 'name'])
  return live(
    `Anthropic accepted the admin key${typeof organization.name === 'string' ? ` of "${organization.name}"` : ''}.`,
    { account: organization },
  )
}

/**
 * Anthropic: `GET /v1/models?limit=1`. 401/404 invalid (issue 11, from the errors page); 403 a known key without
 * permission.
 */
export const anthropicAdapter: ProviderAdapter = {
  async verify(call, _key, context) {
    if (context.variant === 'admin key') return verifyAdmin(call)
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
