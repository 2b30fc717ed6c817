import { pick, type ProviderAdapter } from './adapter'

/**
 * Solo (Bearer). `GET /identity` describes the Solo ACCOUNT the key belongs to, not the key: what it returns is kept
 * as the key's `account` metadata (never as the key's own name, usage or creation date).
 */
export const soloAdapter: ProviderAdapter = {
  async verify(call) {
    const { body } = await call({ path: '/identity' })
    const account = pick(body, ['name', 'email', 'plan', 'permissions', 'status'])
    return {
      outcome: 'live',
      metadata: { account },
      summary: `Solo key is live (account${account.name === undefined ? '' : ` "${String(account.name)}"`}${account.plan === undefined ? '' : `, plan ${String(account.plan)}`}).`,
    }
  },
}
