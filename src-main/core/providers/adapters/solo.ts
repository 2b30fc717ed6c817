import { pick, type ProviderAdapter } from './adapter'

/** Solo: `GET /identity` (Bearer) describes the key — name, permissions, plan, usage. */
export const soloAdapter: ProviderAdapter = {
  async verify(call) {
    const { body } = await call({ path: '/identity' })
    const metadata = pick(body, ['name', 'permissions', 'plan', 'status', 'createdAt', 'lastUsedAt', 'usageCount'])
    return { metadata, summary: `Solo key${metadata.name === undefined ? '' : ` "${String(metadata.name)}"`} is live${metadata.plan === undefined ? '' : ` (plan: ${String(metadata.plan)})`}.` }
  },
}
