import { KeywardError } from '../errors'
import type { DeviceKeyStore } from '../ports/DeviceKeyStore'
import { readHeader, updateHeader, type VaultHeader } from './header'
import { openSession, type SessionDeps } from './openSession'
import { settleRekey } from './rekey'
import { deviceUnlockState, recordPasswordCheck } from './vaultSecurity'
import { openDeviceSlot, openPasswordSlot, openRecoverySlot } from './slots'
import { afterFailure, attemptsHint, NO_FAILURES, waitBeforeAttempt } from './throttle'
import type { VaultSession } from './VaultSession'
import { vaultFiles, type VaultFiles } from './vaultFiles'

export interface UnlockDeps extends SessionDeps {
  readonly sleep: (ms: number) => Promise<void>
  /** Told before a throttled attempt waits, so a UI or terminal can say why nothing happens. */
  readonly onThrottleWait?: (ms: number) => void
}

export interface UnlockOptions {
  /** Longest wait the caller accepts before an attempt is checked; beyond it THROTTLED is thrown at once. */
  readonly maxWaitMs?: number
}

async function waitForTurn(header: VaultHeader, deps: UnlockDeps, options: UnlockOptions): Promise<void> {
  const wait = waitBeforeAttempt(header.throttle, deps.clock.now())
  if (wait === 0) return
  if (wait > (options.maxWaitMs ?? Number.POSITIVE_INFINITY)) {
    throw new KeywardError('THROTTLED', `Too many wrong passwords. Try again in ${Math.ceil(wait / 1000)} s.`)
  }
  deps.onThrottleWait?.(wait)
  await deps.sleep(wait)
}

/** Counted under the header lock, so attempts from the app and any number of CLI processes all add up. */
function recordFailure(files: VaultFiles, deps: UnlockDeps): VaultHeader {
  return updateHeader(files, (latest) => ({ ...latest, throttle: afterFailure(latest.throttle, deps.clock.now()) }))
}

function clearFailures(files: VaultFiles, header: VaultHeader): VaultHeader {
  if (header.throttle.failures === 0) return header
  return updateHeader(files, (latest) => (latest.throttle.failures === 0 ? latest : { ...latest, throttle: NO_FAILURES }))
}

/**
 * Unlocks with the master password. After five wrong passwords in a row each attempt first waits (persisted in
 * the header). A wrong password changes nothing but the header's throttle counter.
 */
export async function unlockWithPassword(dir: string, password: string, deps: UnlockDeps, options: UnlockOptions = {}): Promise<VaultSession> {
  const files = vaultFiles(dir)
  const header = readHeader(files)
  await waitForTurn(header, deps, options)
  let via: 'current' | 'rekey' = 'current'
  let databaseKey = await openPasswordSlot(header, password)
  if (databaseKey === null && header.rekey !== undefined) {
    // A password change was interrupted: the new password opens its recorded slot.
    databaseKey = await openPasswordSlot(header, password, 'rekey')
    via = 'rekey'
  }
  if (databaseKey === null) {
    const updated = recordFailure(files, deps)
    throw new KeywardError('WRONG_PASSWORD', `Wrong password. ${attemptsHint(updated.throttle)}`)
  }
  const settled = settleRekey(files, clearFailures(files, header), databaseKey, via, deps.nativeBinding)
  const session = await openSession(files, settled.header, settled.key, deps, 'password')
  if (session.header.slots.device !== undefined) recordPasswordCheck(files, deps.clock.now())
  return session
}

/** Unlocks with the recovery code from the emergency kit. */
export async function unlockWithRecoveryCode(dir: string, code: string, deps: UnlockDeps): Promise<VaultSession> {
  const files = vaultFiles(dir)
  const header = readHeader(files)
  const current = openRecoverySlot(header, code)
  const databaseKey = current ?? openRecoverySlot(header, code, 'rekey')
  if (databaseKey === null) throw new KeywardError('WRONG_PASSWORD', 'That recovery code does not open this vault. Check it against your emergency kit.')
  const settled = settleRekey(files, header, databaseKey, current === null ? 'rekey' : 'current', deps.nativeBinding)
  return openSession(files, settled.header, settled.key, deps, 'recovery-code')
}

/**
 * Unlocks with the OS keychain when the vault has a device slot; null when there is none or it fails for any
 * reason, so the caller asks for the password. Nothing is ever deleted or reset on failure.
 */
export async function unlockWithDevice(dir: string, store: DeviceKeyStore, deps: SessionDeps): Promise<VaultSession | null> {
  const files = vaultFiles(dir)
  const header = readHeader(files)
  if (deviceUnlockState(header, deps.clock.now()) === 'password-due') {
    throw new KeywardError('UNSUPPORTED', 'Enter your master password: Keyward asks for it every 14 days even with device unlock on.')
  }
  const databaseKey = openDeviceSlot(header, store)
  if (databaseKey === null) return null
  const settled = settleRekey(files, header, databaseKey, 'current', deps.nativeBinding)
  return openSession(files, settled.header, settled.key, deps, 'device')
}
