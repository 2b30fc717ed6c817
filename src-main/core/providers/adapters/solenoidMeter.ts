import { pick, type ProviderAdapter } from './adapter'

/**
 * Solenoid Meter: the issue asks for "a cheap authenticated GET under /v1"; `GET /keys/current` (Bearer) is the one
 * Keyward uses (assumed endpoint, served by the simulator; confirm against the live API).
 */
export const solenoidMeterAdapter: ProviderAdapter = {
  async verify(call) {
    const { body } = await call({ path: '/keys/current' })
    return { metadata: pick(body, ['tier', 'createdAt']), summary: 'Solenoid Meter key is live.' }
  },
}
