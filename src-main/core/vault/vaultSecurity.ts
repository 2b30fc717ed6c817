import { KeywardError } from '../errors'
import type { DeviceKeyStore } from '../ports/DeviceKeyStore'
import { recordEvent } from './audit'
import { readHeader, updateHeader } from './header'
import { calibrateKdf, explicitKdfCost, type KdfCost } from './passwordKdf'
import { randomSecret } from './secretBuffer'
import { deviceSlot, passwordSlot } from './slots'
import { NO_FAILURES } from './throttle'
import type { VaultSession } from './VaultSession'

function stronger(current: KdfCost, candidate: KdfCost): KdfCost {
  return {
    memoryKiB: Math.max(current.memoryKiB, candidate.memoryKiB),
    iterations: Math.max(current.iterations, candidate.iterations),
    parallelism: Math.max(current.parallelism, candidate.parallelism),
  }
}

/**
 * Re-wraps the database key under a new password (O(1): the database is not rewritten). The KDF cost is
 * recalibrated and only ever raised, unless explicit costs are given; the salt is always new.
 */
export async function changePassword(session: VaultSession, newPassword: string, kdf?: Partial<KdfCost>, reason: 'password-changed' | 'recovered' = 'password-changed'): Promise<void> {
  if (newPassword.length === 0) throw new KeywardError('INVALID_INPUT', 'The master password cannot be empty.')
  const { algorithm: _algorithm, salt: _salt, ...current } = readHeader(session.files).kdf
  const cost = kdf === undefined ? stronger(current, await calibrateKdf()) : explicitKdfCost(kdf)
  const params = { algorithm: 'argon2id' as const, ...cost, salt: randomSecret(16).toString('base64') }
  const password = await passwordSlot({ vaultId: session.header.vaultId, kdf: params }, newPassword, session.databaseKey)
  session.header = updateHeader(session.files, (latest) => ({ ...latest, kdf: params, slots: { ...latest.slots, password }, throttle: NO_FAILURES }))
  recordEvent(session, reason, {}, { kdf: cost })
}

/** Adds (or replaces) the "unlock with this device" slot. */
export function enableDeviceUnlock(session: VaultSession, store: DeviceKeyStore): void {
  const device = deviceSlot(session.header, store, session.databaseKey)
  session.header = updateHeader(session.files, (latest) => ({ ...latest, slots: { ...latest.slots, device } }))
  recordEvent(session, 'device-unlock-enabled')
}

export function disableDeviceUnlock(session: VaultSession): void {
  session.header = updateHeader(session.files, (latest) => {
    const { device: _device, ...slots } = latest.slots
    return { ...latest, slots }
  })
  recordEvent(session, 'device-unlock-disabled')
}
