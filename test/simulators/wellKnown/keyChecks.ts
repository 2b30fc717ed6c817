// Simulators for the well-known providers' check and revocation endpoints, each from its provider's API reference
// (cited per function). State is the set of valid keys; a revocation removes a key from it.
import { randomBytes } from 'node:crypto'
import { bearer, startSimulator, type RunningSimulator, type SimulatorRequest } from '../simulatorServer'

/**
 * Anthropic "List Models" and "Errors" (docs.anthropic.com/en/api/models-list, /en/api/errors); Admin API keys
 * (sk-ant-admin…) and "Get Current Organization" (platform.claude.com/docs/en/api/admin/organizations/me: GET
 * /v1/organizations/me → {id, name, type}). ASSUMPTIONS: an admin key calling a model endpoint gets 401
 * authentication_error (the docs say it is for the Admin API only); a standard key on the Admin API 403.
 */
export function startAnthropicSimulator(
  valid: ReadonlySet<string>,
  restricted: ReadonlySet<string> = new Set(),
  admins: ReadonlySet<string> = new Set(),
): Promise<RunningSimulator> {
  const failure = (status: number, type: string, message: string) => ({
    status,
    body: { type: 'error', error: { type, message } },
  })
  return startSimulator((request) => {
    const key = String(request.headers['x-api-key'] ?? '')
    if (request.headers['anthropic-version'] === undefined)
      return failure(400, 'invalid_request_error', 'anthropic-version: header is required')
    if (request.path === '/v1/organizations/me') {
      if (admins.has(key))
        return { status: 200, body: { id: '12345678-1234-5678-1234-567812345678', name: 'Acme', type: 'organization' } }
      return valid.has(key) || restricted.has(key)
        ? failure(403, 'permission_error', 'This endpoint requires an admin API key.')
        : failure(401, 'authentication_error', 'invalid x-api-key')
    }
    if (restricted.has(key))
      return failure(403, 'permission_error', 'Your API key does not have permission to use the specified resource.')
    if (!valid.has(key)) return failure(401, 'authentication_error', 'invalid x-api-key')
    if (request.path !== '/v1/models') return failure(404, 'not_found_error', 'Not found')
    return {
      status: 200,
      body: {
        data: [
          {
            id: 'claude-sonnet-4-5',
            type: 'model',
            display_name: 'Claude Sonnet 4.5',
            created_at: '2025-09-29T00:00:00Z',
          },
        ],
        has_more: true,
        first_id: 'claude-sonnet-4-5',
        last_id: 'claude-sonnet-4-5',
      },
    }
  })
}

/**
 * OpenAI "List models" and "Error codes" (platform.openai.com/docs/api-reference/models/list,
 * /docs/guides/error-codes); admin keys and "List admin API keys" (developers.openai.com/api/reference/resources/
 * organization/subresources/admin_api_keys: GET /v1/organization/admin_api_keys → {object: 'list', data}).
 * ASSUMPTIONS: an admin key calling /v1/models gets 401, a project key on the admin endpoint 401 too.
 */
export function startOpenaiSimulator(
  valid: ReadonlySet<string>,
  restricted: ReadonlySet<string> = new Set(),
  admins: ReadonlySet<string> = new Set(),
): Promise<RunningSimulator> {
  const failure = (message: string, code: string | null) => ({
    status: 401,
    body: { error: { message, type: 'invalid_request_error', param: null, code } },
  })
  return startSimulator((request) => {
    const key = bearer(request) ?? ''
    if (request.path === '/v1/organization/admin_api_keys') {
      return admins.has(key)
        ? { status: 200, body: { object: 'list', data: [], has_more: false, first_id: null, last_id: null } }
        : failure('Incorrect API key provided. Admin endpoints need an admin key.', 'invalid_api_key')
    }
    if (restricted.has(key))
      return failure('You have insufficient permissions for this operation. Missing scopes: api.model.read.', null)
    if (!valid.has(key)) return failure('Incorrect API key provided.', 'invalid_api_key')
    return {
      status: 200,
      body: { object: 'list', data: [{ id: 'gpt-4o', object: 'model', created: 1715367049, owned_by: 'system' }] },
    }
  })
}

/** Slack auth.test and auth.revoke (api.slack.com/methods/auth.test, /methods/auth.revoke): always HTTP 200 with `ok`. */
export function startSlackSimulator(valid: Set<string>): Promise<RunningSimulator> {
  return startSimulator((request) => {
    const key = bearer(request) ?? ''
    if (key === '') return { status: 200, body: { ok: false, error: 'not_authed' } }
    if (!valid.has(key)) return { status: 200, body: { ok: false, error: 'invalid_auth' } }
    if (request.path === '/api/auth.test')
      return {
        status: 200,
        body: {
          ok: true,
          url: 'https://acme.slack.com/',
          team: 'Acme',
          user: 'deploybot',
          team_id: 'T0001',
          user_id: 'U0001',
          bot_id: key.startsWith('xoxb-') ? 'B0001' : undefined,
        },
      }
    if (request.path === '/api/auth.revoke') {
      valid.delete(key)
      return { status: 200, body: { ok: true, revoked: true } }
    }
    return { status: 200, body: { ok: false, error: 'unknown_method' } }
  })
}

/**
 * Gemini models.list (ai.google.dev/api/models) under Google's error model (cloud.google.com/apis/design/errors):
 * 400 INVALID_ARGUMENT/API_KEY_INVALID for an unknown key, 403 PERMISSION_DENIED/SERVICE_DISABLED for a key of a
 * project without the Generative Language API.
 */
export function startGeminiSimulator(
  valid: ReadonlySet<string>,
  withoutGemini: ReadonlySet<string> = new Set(),
): Promise<RunningSimulator> {
  const error = (code: number, status: string, reason: string, message: string) => ({
    status: code,
    body: {
      error: {
        code,
        message,
        status,
        details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason, domain: 'googleapis.com' }],
      },
    },
  })
  return startSimulator((request) => {
    const key = String(request.headers['x-goog-api-key'] ?? request.query.key ?? '')
    if (withoutGemini.has(key))
      return error(
        403,
        'PERMISSION_DENIED',
        'SERVICE_DISABLED',
        'Generative Language API has not been used in project 1 before or it is disabled.',
      )
    if (!valid.has(key))
      return error(400, 'INVALID_ARGUMENT', 'API_KEY_INVALID', 'API key not valid. Please pass a valid API key.')
    return {
      status: 200,
      body: { models: [{ name: 'models/gemini-2.5-flash', displayName: 'Gemini 2.5 Flash' }], nextPageToken: 'x' },
    }
  })
}

/** Linear GraphQL (linear.app/developers/graphql): personal keys in Authorization as they are; errors[].extensions.code. */
export function startLinearSimulator(valid: ReadonlySet<string>): Promise<RunningSimulator> {
  return startSimulator((request) => {
    const key = String(request.headers.authorization ?? '')
    if (!valid.has(key))
      return {
        status: 400,
        body: {
          errors: [
            {
              message: 'Authentication required, not authenticated',
              extensions: {
                type: 'authentication error',
                code: 'AUTHENTICATION_ERROR',
                userPresentableMessage: 'You need to authenticate to access this operation.',
              },
            },
          ],
        },
      }
    const query = String((request.body as { query?: unknown } | null)?.query ?? '')
    if (request.method !== 'POST' || request.path !== '/graphql' || !/\bviewer\b/.test(query))
      return {
        status: 400,
        body: { errors: [{ message: 'Unknown query', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] },
      }
    return { status: 200, body: { data: { viewer: { id: 'a1b2c3', name: 'Ada' } } } }
  })
}

/**
 * GitHub GET /user (docs.github.com/en/rest/users/users) and POST /credentials/revoke
 * (docs.github.com/en/rest/credentials/revoke): the revocation takes no authentication, answers 202, and a request
 * that carries an Authorization header is refused here so a test notices credentials sent where none belong.
 */
export function startGithubSimulator(valid: Set<string>): Promise<RunningSimulator> {
  return startSimulator((request: SimulatorRequest) => {
    if (request.method === 'POST' && request.path === '/credentials/revoke') {
      if (request.headers.authorization !== undefined)
        return { status: 400, body: { message: 'Keyward simulator: this endpoint takes no authentication' } }
      const credentials = (request.body as { credentials?: unknown } | null)?.credentials
      if (!Array.isArray(credentials) || credentials.length === 0 || credentials.length > 1000)
        return { status: 422, body: { message: 'Validation Failed' } }
      for (const credential of credentials) valid.delete(String(credential))
      return { status: 202, body: {} }
    }
    const key = bearer(request) ?? ''
    if (!valid.has(key))
      return { status: 401, body: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' } }
    if (key.startsWith('ghs_')) return { status: 403, body: { message: 'Resource not accessible by integration' } }
    return { status: 200, body: { login: 'ada', id: 1 } }
  })
}

/** Doppler GET /v3/me and POST /v3/auth/revoke {token} (docs.doppler.com/reference/auth-me, /auth-revoke). */
export function startDopplerSimulator(valid: Set<string>): Promise<RunningSimulator> {
  return startSimulator((request) => {
    const key = bearer(request) ?? ''
    if (!valid.has(key)) return { status: 401, body: { messages: ['Invalid Auth token'], success: false } }
    if (request.method === 'GET' && request.path === '/v3/me')
      return { status: 200, body: { workplace: { name: 'Acme', slug: 'acme' }, type: 'personal', name: 'laptop' } }
    if (request.method === 'POST' && request.path === '/v3/auth/revoke') {
      valid.delete(String((request.body as { token?: unknown } | null)?.token ?? ''))
      return { status: 200, body: { success: true } }
    }
    return { status: 404, body: { messages: ['Not found'], success: false } }
  })
}

/** Perplexity generate_auth_token / revoke_auth_token (docs.perplexity.ai/openapi-auth.json). */
export function startPerplexitySimulator(valid: Set<string>): Promise<RunningSimulator> {
  return startSimulator((request) => {
    const key = bearer(request) ?? ''
    if (!valid.has(key))
      return { status: 401, body: { error: { message: 'Invalid API key', type: 'invalid_api_key', code: 401 } } }
    if (request.method === 'POST' && request.path === '/generate_auth_token') {
      const token = `pplx-${randomBytes(24).toString('hex')}`
      valid.add(token)
      const name = (request.body as { token_name?: unknown } | null)?.token_name
      return {
        status: 200,
        body: {
          auth_token: token,
          created_at_epoch_seconds: Math.floor(Date.now() / 1000),
          ...(typeof name === 'string' ? { token_name: name } : {}),
        },
      }
    }
    if (request.method === 'POST' && request.path === '/revoke_auth_token') {
      valid.delete(String((request.body as { auth_token?: unknown } | null)?.auth_token ?? ''))
      return { status: 200 }
    }
    return { status: 404, body: { error: { message: 'Not found' } } }
  })
}
