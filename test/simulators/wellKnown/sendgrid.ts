// SendGrid v3, from the official OpenAPI (twilio/sendgrid-oai spec/json/tsg_api_keys_v3.json) and the API reference
// (twilio.com/docs/sendgrid/api-reference/api-keys, .../api-key-permissions): keys are `SG.<api_key_id>.<secret>`;
// GET /v3/scopes → {scopes}; GET /v3/api_keys/{api_key_id} (GetApiKey) → 200 `{result: [ApiKeyScopesResponse]}`
// — an ARRAY of {api_key_id, name, scopes} under `result`, not the key itself; POST /v3/api_keys (CreateApiKey)
// {name, scopes} → 201 {api_key, api_key_id, name, scopes}; DELETE /v3/api_keys/{api_key_id} → 204.
// The api_keys.* scopes govern the key endpoints (403 ErrorResponse {"errors":[{"field":null,"message":"access
// forbidden"}]}); an unknown key is 401 {"errors":[{"field":null,"message":"authorization required"}]}.
import { randomBytes } from 'node:crypto'
import { bearer, startSimulator, type RunningSimulator } from '../simulatorServer'

export interface SendgridKey {
  readonly id: string
  readonly name: string
  readonly scopes: readonly string[]
}

const forbidden = { status: 403, body: { errors: [{ field: null, message: 'access forbidden' }] } }

export function sendgridValue(id: string): string {
  return `SG.${id}.${randomBytes(32).toString('base64url')}`
}

/** answerWithoutScopes: GetApiKey answers the list's ApiKeyResponse shape (name and id, no scopes). */
export async function startSendgridSimulator(
  keys: Map<string, SendgridKey>,
  { answerWithoutScopes = false } = {},
): Promise<RunningSimulator> {
  return startSimulator((request) => {
    const key = keys.get(bearer(request) ?? '')
    if (key === undefined)
      return { status: 401, body: { errors: [{ field: null, message: 'authorization required' }] } }
    const may = (scope: string) => key.scopes.includes(scope)
    if (request.method === 'GET' && request.path === '/v3/scopes')
      return may('scopes.read') ? { status: 200, body: { scopes: key.scopes } } : forbidden
    const id = /^\/v3\/api_keys\/([^/]+)$/.exec(request.path)?.[1]
    const target = [...keys.values()].find((entry) => entry.id === id)
    if (request.method === 'GET' && id !== undefined) {
      if (!may('api_keys.read')) return forbidden
      return target === undefined
        ? { status: 404, body: { errors: [{ message: 'unable to find API Key' }] } }
        : {
            status: 200,
            body: {
              result: [
                { api_key_id: target.id, name: target.name, ...(answerWithoutScopes ? {} : { scopes: target.scopes }) },
              ],
            },
          }
    }
    if (request.method === 'POST' && request.path === '/v3/api_keys') {
      if (!may('api_keys.create')) return forbidden
      const body = request.body as { name?: string; scopes?: string[] }
      const created: SendgridKey = {
        id: randomBytes(11).toString('base64url'),
        name: String(body.name),
        scopes: body.scopes ?? [],
      }
      const value = sendgridValue(created.id)
      keys.set(value, created)
      return {
        status: 201,
        body: { api_key: value, api_key_id: created.id, name: created.name, scopes: created.scopes },
      }
    }
    if (request.method === 'DELETE' && id !== undefined) {
      if (!may('api_keys.delete')) return forbidden
      for (const [value, entry] of keys) if (entry.id === id) keys.delete(value)
      return { status: 204 }
    }
    return { status: 404, body: { errors: [{ message: 'not found' }] } }
  })
}
