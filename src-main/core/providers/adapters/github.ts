import { live, restricted, text, type ProviderAdapter } from './adapter'

// GitHub REST API: GET /user (https://docs.github.com/en/rest/users/users#get-the-authenticated-user) — 401 for a
// bad token; an installation token (ghs_) may not read /user: 403 "Resource not accessible by integration".
// Revocation: POST /credentials/revoke (https://docs.github.com/en/rest/credentials/revoke) with
// {"credentials": [token]}, sent WITHOUT authentication, answered 202 Accepted.
export const githubAdapter: ProviderAdapter = {
  async verify(call) {
    const { status, body } = await call({ path: '/user', accept: [403] })
    if (status === 403)
      return restricted(
        'GitHub knows this token, but it may not read /user ' +
          '(an app installation token or a token without that permission).',
      )
    const login = text(body, 'login')
    return live(
      `GitHub accepted the token${login === undefined ? '' : ` (${login})`}.`,
      login === undefined ? {} : { account: { login } },
    )
  },
  async revoke(call) {
    await call({
      method: 'POST',
      path: '/credentials/revoke',
      authenticated: false,
      bodyWithKey: (token) => ({ credentials: [token] }),
    })
  },
}
