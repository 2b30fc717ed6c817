import { KeywardError } from '../../errors'
import {
  asObject,
  live,
  needsDashboard,
  restricted,
  text,
  type ProviderAdapter,
  type ProviderCall,
  type VerifyResult,
} from './adapter'

// GitLab REST API v4, personal access tokens (https://docs.gitlab.com/api/personal_access_tokens/):
// GET /personal_access_tokens/self → {id, name, revoked, created_at, scopes, user_id, last_used_at, active,
// expires_at};
// POST /personal_access_tokens/self/rotate {expires_at?} → the same plus `token`, the old token revoked at once
// (needs the api or self_rotate scope, else 403); DELETE /personal_access_tokens/self → 204. 401 for a bad token.
const MAX_LIFETIME_DAYS = 365
const DAY_MS = 86_400_000

async function self(call: ProviderCall): Promise<VerifyResult & { lifetimeDays: number | null }> {
  const { status, body } = await call({ path: '/personal_access_tokens/self', accept: [403] })
  if (status === 403)
    return { ...restricted('GitLab knows this token, but it may not describe itself (scope).'), lifetimeDays: null }
  const token = asObject(body)
  const scopes = Array.isArray(token.scopes) ? token.scopes.map(String) : []
  const createdAt = text(token, 'created_at')
  const expiresAt = text(token, 'expires_at') ?? null
  // `expires_at` is a date, `created_at` a moment: both counted as calendar days (UTC), so the answer is whole days
  // whatever the hour.
  const lifetime =
    createdAt === undefined || expiresAt === null
      ? null
      : Math.round((Date.parse(expiresAt) - Date.parse(createdAt.slice(0, 10))) / DAY_MS)
  const metadata = {
    remoteName: text(token, 'name'),
    scopes,
    expires: expiresAt,
    lastUse: text(token, 'last_used_at') ?? null,
  }
  return {
    ...live(
      `GitLab token "${String(token.name)}" is live (${scopes.join(', ') || 'no scopes'}${expiresAt === null ? '' : `, expires ${expiresAt}`}).`,
      metadata,
    ),
    lifetimeDays: lifetime,
  }
}

export const gitlabAdapter: ProviderAdapter = {
  async verify(call) {
    const { lifetimeDays: _lifetime, ...result } = await self(call)
    return result
  },
  /** Self-rotation, keeping the old token's lifetime (GitLab's default for a rotated token is one week). */
  async rotate(call) {
    const { lifetimeDays } = await self(call)
    const days = Math.min(MAX_LIFETIME_DAYS, Math.max(1, lifetimeDays ?? MAX_LIFETIME_DAYS))
    const expiresAt = new Date(Date.parse(new Date().toISOString().slice(0, 10)) + days * DAY_MS)
      .toISOString()
      .slice(0, 10)
    const { status, body } = await call({
      method: 'POST',
      path: '/personal_access_tokens/self/rotate',
      body: { expires_at: expiresAt },
      accept: [403],
    })
    if (status === 403)
      throw needsDashboard('GitLab', 'this token may not rotate itself (it needs the api or self_rotate scope)')
    const token = text(body, 'token')
    if (token === undefined)
      throw new KeywardError(
        'PROVIDER_BAD_RESPONSE',
        'GitLab answered the rotation without a token. The old token is already revoked: create a new one in GitLab.',
      )
    return { newValue: token, metadata: { expires: text(body, 'expires_at') ?? expiresAt } }
  },
  async revoke(call) {
    await call({ method: 'DELETE', path: '/personal_access_tokens/self' })
  },
}
