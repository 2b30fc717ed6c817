import { KeywardError } from '../../errors'
import { asObject, type ProviderAdapter } from './adapter'

/**
 * Solenoid Meter (Bearer sm_…). Verify reads `GET /meter/balance` — the one read-only route its help text documents,
 * answering `{ balance, user_id }`; the user id is kept as account metadata.
 */
export const solenoidMeterAdapter: ProviderAdapter = {
  async verify(call) {
    const { body } = await call({ path: '/meter/balance' })
    const { balance, user_id: userId } = asObject(body)
    return {
      outcome: 'live',
      metadata: {
        account: {
          ...(typeof userId === 'string' || typeof userId === 'number' ? { userId: String(userId) } : {}),
          ...(typeof balance === 'number' ? { balance } : {}),
        },
      },
      summary: `Solenoid Meter key is live${typeof balance === 'number' ? ` (balance ${balance})` : ''}.`,
    }
  },
  /** `POST /keys/rotate` with the old key returns `{ "key": "sm_…" }` and invalidates the old key at once. */
  async rotate(call) {
    const { body } = await call({ method: 'POST', path: '/keys/rotate' })
    const next = asObject(body).key
    if (typeof next !== 'string' || !next.startsWith('sm_')) {
      throw new KeywardError(
        'PROVIDER_BAD_RESPONSE',
        'Solenoid Meter answered the rotation without a new sm_ key. The old key may already be invalid: check the dashboard.',
      )
    }
    return { newValue: next, metadata: {} }
  },
}
