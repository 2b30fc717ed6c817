import type { DeviceKeyStore } from '../ports/DeviceKeyStore'
import { recordEvent } from './audit'
import { updateHeader } from './header'
import { deviceSlot } from './slots'
import type { VaultSession } from './VaultSession'

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
