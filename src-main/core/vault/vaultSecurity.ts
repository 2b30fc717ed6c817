import type { DeviceKeyStore } from '../ports/DeviceKeyStore'
import { recordEvent } from './audit'
import { updateHeader, type VaultHeader } from './header'
import type { VaultFiles } from './vaultFiles'
import { deviceSlot } from './slots'
import type { VaultSession } from './VaultSession'

/** Adds (or replaces) the "unlock with this device" slot. */
export function enableDeviceUnlock(session: VaultSession, store: DeviceKeyStore): void {
  const device = {
    ...deviceSlot(session.header, store, session.databaseKey),
    passwordCheckedAt: session.clock.now().toISOString(),
  }
  session.header = updateHeader(session.files, (latest) => ({ ...latest, slots: { ...latest.slots, device } }))
  recordEvent(session, 'device-unlock-enabled')
}

/** Device unlock re-asks for the master password this often (1Password's lesson: never "forever"). */
export const DEVICE_PASSWORD_EVERY_MS = 14 * 24 * 60 * 60 * 1000

export type DeviceUnlock = 'off' | 'ready' | 'password-due'

/** Whether this vault can be unlocked with the device now: enrolled, and the password checked within 14 days. */
export function deviceUnlockState(header: VaultHeader, now: Date): DeviceUnlock {
  const device = header.slots.device
  if (device === undefined) return 'off'
  const checked = device.passwordCheckedAt === undefined ? Number.NaN : Date.parse(device.passwordCheckedAt)
  return Number.isFinite(checked) && now.getTime() - checked < DEVICE_PASSWORD_EVERY_MS ? 'ready' : 'password-due'
}

/** After the master password opened the vault: device unlock's 14 days start again. */
export function recordPasswordCheck(files: VaultFiles, now: Date): void {
  updateHeader(files, (latest) =>
    latest.slots.device === undefined
      ? latest
      : {
          ...latest,
          slots: { ...latest.slots, device: { ...latest.slots.device, passwordCheckedAt: now.toISOString() } },
        },
  )
}

export function disableDeviceUnlock(session: VaultSession): void {
  session.header = updateHeader(session.files, (latest) => {
    const { device: _device, ...slots } = latest.slots
    return { ...latest, slots }
  })
  recordEvent(session, 'device-unlock-disabled')
}
