import { pick, text, type ProviderAdapter } from './adapter'

/** The documented Identity object's fields (Solo API documentation, `GET /identity`); nothing else is kept. */
const IDENTITY_FIELDS = [
  'id',
  'handle',
  'address',
  'scope',
  'displayName',
  'profile',
  'whitelistedAddresses',
  'createdAt',
  'updatedAt',
]

/** The key's scope as one phrase, whether Solo sends a list or a string. */
function scopeText(scope: unknown): string | undefined {
  if (Array.isArray(scope)) return scope.map(String).join(', ')
  return typeof scope === 'string' ? scope : undefined
}

/**
 * Solo (Bearer). `GET /identity` answers the Identity (the mailbox) the key belongs to: kept as the key's `account`
 * metadata (never as the key's own name, usage or creation date). Sync re-reads it (the default).
 */
export const soloAdapter: ProviderAdapter = {
  async verify(call) {
    const { body } = await call({ path: '/identity' })
    const account = pick(body, IDENTITY_FIELDS)
    const scope = scopeText(account.scope)
    const details = [text(account, 'address') ?? text(account, 'handle'), scope && `scope ${scope}`].filter(Boolean)
    return {
      outcome: 'live',
      metadata: { account },
      summary: `Solo key is live${details.length === 0 ? '' : ` (${details.join(', ')})`}.`,
    }
  },
}
