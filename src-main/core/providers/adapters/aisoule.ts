import type { ProviderAdapter } from './adapter'

/** AIsoule: a cheap authenticated read, `GET /contacts` (X-API-Key). */
export const aisouleAdapter: ProviderAdapter = {
  async verify(call) {
    await call({ path: '/contacts' })
    return { outcome: 'live', metadata: {}, summary: 'AIsoule key is live.' }
  },
}
