import { KeywardError } from '../../errors'
import { asObject, pick, type ProviderAdapter } from './adapter'

/**
 * Solenoid Meter: the issue asks for "a cheap authenticated GET under /v1"; `GET /keys/current` (Bearer) is the one
 * Keyward uses (assumed endpoint, served by the simulator; confirm against the live API).
 */
export const solenoidMeterAdapter: ProviderAdapter = {
  async verify(call) {
    const { body } = await call({ path: '/keys/current' })
    return { metadata: pick(body, ['tier', 'createdAt']), summary: 'Solenoid Meter key is live.' }
  },
  /** `POST /keys/rotate` with the old key returns `{ "key": "sm_…" }` and invalidates the old key at once. */
  async rotate(call) {
    const { body } = await call({ method: 'POST', path: '/keys/rotate' })
    const next = asObject(body).key
    if (typeof next !== 'string' || !next.startsWith('sm_')) {
      throw new KeywardError('PROVIDER_BAD_RESPONSE', 'Solenoid Meter answered the rotation without a new sm_ key. The old key may already be invalid: check the dashboard.')
    }
    return { newValue: next, metadata: {} }
  },
}
