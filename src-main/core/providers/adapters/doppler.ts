import { asObject, live, text, type ProviderAdapter } from './adapter'

// Doppler API v3: GET /v3/me (https://docs.doppler.com/reference/auth-me) describes the token; POST /v3/auth/revoke
// (https://docs.doppler.com/reference/auth-revoke) with {"token": …} revokes it. 401 for a bad token.
export const dopplerAdapter: ProviderAdapter = {
  async verify(call) {
    const { body } = await call({ path: '/me' })
    const workplace = text(asObject(body).workplace, 'name')
    return live(
      `Doppler accepted the token${workplace === undefined ? '' : ` (workplace ${workplace})`}.`,
      workplace === undefined ? {} : { account: { workplace } },
    )
  },
  async revoke(call) {
    await call({ method: 'POST', path: '/auth/revoke', bodyWithKey: (token) => ({ token }) })
  },
}
