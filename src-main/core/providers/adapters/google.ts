import { asObject, live, rejected, restricted, type ProviderAdapter } from './adapter'

// Gemini API reference, models.list (GET https://generativelanguage.googleapis.com/v1/models), with the key in the
// x-goog-api-key header (never the URL). Google's error model (https://cloud.google.com/apis/design/errors): an
// unknown key is 400 INVALID_ARGUMENT with reason API_KEY_INVALID; a key the Generative Language API is not enabled
// or allowed for is 403 PERMISSION_DENIED (SERVICE_DISABLED / API_KEY_SERVICE_BLOCKED) — a valid key for other APIs.
function reasons(body: unknown): string[] {
  const details = asObject(asObject(body).error).details
  return (Array.isArray(details) ? details : []).flatMap((detail) => {
    const reason = asObject(detail).reason
    return typeof reason === 'string' ? [reason] : []
  })
}

export const googleAdapter: ProviderAdapter = {
  async verify(call) {
    const { status, body } = await call({ path: '/models?pageSize=1', accept: [400, 403] })
    if (status === 400 && reasons(body).includes('API_KEY_INVALID')) throw rejected('Google', 'API_KEY_INVALID')
    if (status === 400) throw rejected('Google', 'HTTP 400 (INVALID_ARGUMENT)')
    if (status === 403)
      return restricted(
        `Google knows this key, but the Gemini API is not enabled or allowed for it (${reasons(body).join(', ') || 'PERMISSION_DENIED'}): it may work for other Google APIs.`,
      )
    return live('Google accepted the key for the Gemini API (GET /v1/models).')
  },
}
