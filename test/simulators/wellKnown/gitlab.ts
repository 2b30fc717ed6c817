// GitLab REST API v4 personal access tokens (https://docs.gitlab.com/api/personal_access_tokens/): GET/DELETE
// /personal_access_tokens/self, POST /personal_access_tokens/self/rotate {expires_at} → the token's fields plus
// `token`; rotation needs the api or self_rotate scope (403 otherwise) and revokes the old token at once; 401
// {"message":"401 Unauthorized"} for an unknown or revoked token; DELETE answers 204.
import { randomBytes } from 'node:crypto'
import { startSimulator, type RunningSimulator } from '../simulatorServer'

export interface GitlabToken {
  readonly id: number
  readonly name: string
  readonly scopes: readonly string[]
  readonly created_at: string
  expires_at: string
  revoked: boolean
}

export async function startGitlabSimulator(tokens: Map<string, GitlabToken>): Promise<RunningSimulator> {
  let nextId = 100
  return startSimulator((request) => {
    const value = String(request.headers['private-token'] ?? '')
    const token = tokens.get(value)
    if (token === undefined || token.revoked) return { status: 401, body: { message: '401 Unauthorized' } }
    const fields = (t: GitlabToken) => ({ ...t, user_id: 7, last_used_at: null, active: !t.revoked })
    if (request.method === 'GET' && request.path === '/api/v4/personal_access_tokens/self')
      return { status: 200, body: fields(token) }
    if (request.method === 'DELETE' && request.path === '/api/v4/personal_access_tokens/self') {
      token.revoked = true
      return { status: 204 }
    }
    if (request.method === 'POST' && request.path === '/api/v4/personal_access_tokens/self/rotate') {
      if (!token.scopes.includes('api') && !token.scopes.includes('self_rotate'))
        return { status: 403, body: { message: '403 Forbidden' } }
      const expires =
        typeof (request.body as { expires_at?: unknown } | null)?.expires_at === 'string'
          ? String((request.body as { expires_at: string }).expires_at)
          : new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10)
      token.revoked = true
      const next: GitlabToken = {
        ...token,
        id: nextId++,
        created_at: new Date().toISOString(),
        expires_at: expires,
        revoked: false,
      }
      const secret = `glpat-${randomBytes(15).toString('base64url')}`
      tokens.set(secret, next)
      return { status: 200, body: { ...fields(next), token: secret } }
    }
    return { status: 404, body: { message: '404 Not Found' } }
  })
}
