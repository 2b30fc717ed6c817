import { KeywardError } from '../../errors'
import { text, type ProviderAdapter } from './adapter'

// Perplexity authentication API (https://docs.perplexity.ai/openapi-auth.json): POST /generate_auth_token
// {token_name?} → {auth_token, created_at_epoch_seconds, token_name}; POST /revoke_auth_token {auth_token} → 200.
// Both are Bearer-authenticated. The new key is made in the calling key's API group.
const revokeSelf = {
  method: 'POST',
  path: '/revoke_auth_token',
  bodyWithKey: (token: string) => ({ auth_token: token }),
} as const

export const perplexityAdapter: ProviderAdapter = {
  async verify() {
    throw new KeywardError('UNSUPPORTED', 'Perplexity documents no read-only endpoint to check a key with.')
  },
  async rotate(call, key) {
    const { body } = await call({ method: 'POST', path: '/generate_auth_token', body: { token_name: key.name } })
    const token = text(body, 'auth_token')
    if (token === undefined)
      throw new KeywardError(
        'PROVIDER_BAD_RESPONSE',
        'Perplexity answered generate_auth_token without an auth_token: check the console for a new key.',
      )
    return {
      newValue: token,
      metadata: { remoteName: text(body, 'token_name') ?? key.name },
      retireOld: async ({ withOldKey }) => void (await withOldKey(revokeSelf)),
    }
  },
  async revoke(call) {
    await call(revokeSelf)
  },
}
