import { KeywardError } from '../errors'
import type { DeviceKeyStore } from '../ports/DeviceKeyStore'
import { readHeader, sameKeyHeader, updateHeader, type VaultHeader } from './header'
import { lockWait, openSession, type SessionDeps } from './openSession'
import { settleRekey, type Settled } from './rekey'
import { deviceUnlockState, recordPasswordCheck } from './vaultSecurity'
import { openDeviceSlot, openPasswordSlot, openRecoverySlot } from './slots'
import { afterFailure, attemptsHint, NO_FAILURES, takeTurn, waitBeforeAttempt } from './throttle'
import type { VaultSession } from './VaultSession'
import { vaultFiles, type VaultFiles } from './vaultFiles'
import { takeVaultLock, type LockMode, type VaultLock } from './vaultLock'

export interface UnlockDeps extends SessionDeps {
  readonly sleep: (ms: number) => Promise<void>
  /** Told before a throttled attempt waits, so a UI or terminal can say why nothing happens. */
  readonly onThrottleWait?: (ms: number) => void
}

export interface UnlockOptions {
  /** Longest wait the caller accepts before an attempt is checked; beyond it THROTTLED is thrown at once. */
  readonly maxWaitMs?: number
}

/** What the typed secret unwrapped: the key, and whether from the current slots or a recorded change's new ones. */
interface Unwrapped {
  readonly key: Buffer
  readonly via: 'current' | 'rekey'
}

/**
 * Waits for this attempt's turn. The turn is taken under the header lock — each attempt after the fifth wrong
 * password in a row gets its own slot, one delay after the previous one's — so guesses from processes running at
 * once each wait their own turn instead of sharing one wait.
 */
async function waitForTurn(files: VaultFiles, deps: UnlockDeps, options: UnlockOptions): Promise<void> {
  let wait = 0
  updateHeader(files, (latest) => {
    wait = waitBeforeAttempt(latest.throttle, deps.clock.now())
    if (wait > (options.maxWaitMs ?? Number.POSITIVE_INFINITY)) return latest
    const turn = takeTurn(latest.throttle, deps.clock.now())
    return turn.state === latest.throttle ? latest : { ...latest, throttle: turn.state }
  })
  if (wait > (options.maxWaitMs ?? Number.POSITIVE_INFINITY)) {
    throw new KeywardError('THROTTLED', `Too many wrong passwords. Try again in ${Math.ceil(wait / 1000)} s.`)
  }
  if (wait === 0) return
  deps.onThrottleWait?.(wait)
  await deps.sleep(wait)
}

/** Counted under the header lock, so attempts from the app and any number of CLI processes all add up. */
function recordFailure(files: VaultFiles, deps: UnlockDeps): VaultHeader {
  return updateHeader(files, (latest) => ({ ...latest, throttle: afterFailure(latest.throttle, deps.clock.now()) }))
}

function clearFailures(files: VaultFiles, header: VaultHeader): VaultHeader {
  if (header.throttle.failures === 0 && header.throttle.notBefore === null) return header
  return updateHeader(files, (latest) =>
    latest.throttle.failures === 0 && latest.throttle.notBefore === null
      ? latest
      : { ...latest, throttle: NO_FAILURES },
  )
}

/**
 * The common path of every unlock, under the vault lock (vaultLock.ts): shared normally, exclusive when the header
 * records a password change a crash interrupted, which this unlock then settles. The header is read only once the
 * lock is held, so no password change can start or finish between reading it and opening vault.db. After settling,
 * the lock goes back to shared and the header is checked to be the one settled.
 */
async function unlockUnderLock(
  files: VaultFiles,
  deps: SessionDeps,
  method: string,
  unwrap: (header: VaultHeader) => Promise<Unwrapped | null>,
  onWrong: () => KeywardError,
): Promise<VaultSession> {
  let mode: LockMode = readHeader(files).rekey === undefined ? 'shared' : 'exclusive'
  for (let attempt = 0; attempt < 3; attempt++) {
    const lock = await takeVaultLock(files, mode, lockWait(deps, 'opener'))
    let handedOver = false
    try {
      const header = readHeader(files)
      if (header.rekey !== undefined && mode === 'shared') {
        // The change's owner died between our look and our lock: settling it needs the vault to ourselves.
        mode = 'exclusive'
        continue
      }
      const unwrapped = await unwrap(header)
      if (unwrapped === null) throw onWrong()
      const settled = settleRekey(files, header, unwrapped.key, unwrapped.via, deps.nativeBinding)
      const held = mode === 'exclusive' ? await backToShared(files, lock, settled, deps) : lock
      handedOver = true
      const session = await openSession(files, settled.header, settled.key, deps, method, held)
      session.settledChange = settled.outcome === 'none' ? null : { outcome: settled.outcome, typed: unwrapped.via }
      return session
    } finally {
      if (!handedOver) lock.release()
    }
  }
  throw new KeywardError(
    'VAULT_BUSY',
    'The vault kept changing while it was being unlocked (a password change in another Keyward). Try again.',
  )
}

/**
 * After settling under the exclusive lock: the shared lock instead, and the header still the settled one. (The
 * exclusive lock must go first; in the moment between, another process may have changed the password again.)
 */
async function backToShared(
  files: VaultFiles,
  exclusive: VaultLock,
  settled: Settled,
  deps: SessionDeps,
): Promise<VaultLock> {
  exclusive.release()
  const shared = await takeVaultLock(files, 'shared', lockWait(deps, 'opener'))
  const now = readHeader(files)
  if (sameKeyHeader(settled.header, now)) return shared
  shared.release()
  settled.key.fill(0)
  throw new KeywardError(
    'VAULT_BUSY',
    'The master password was changed again while this unlock was under way. Unlock again with the password that is current now.',
  )
}

/**
 * Unlocks with the master password. After five wrong passwords in a row each attempt first waits its turn
 * (persisted in the header). A wrong password changes nothing but the header's throttle counter.
 */
export async function unlockWithPassword(
  dir: string,
  password: string,
  deps: UnlockDeps,
  options: UnlockOptions = {},
): Promise<VaultSession> {
  const files = vaultFiles(dir)
  readHeader(files)
  await waitForTurn(files, deps, options)
  const session = await unlockUnderLock(
    files,
    deps,
    'password',
    async (header) => {
      const current = await openPasswordSlot(header, password)
      if (current !== null) return { key: current, via: 'current' }
      // A password change was interrupted: the new password opens its recorded slot.
      const next = header.rekey === undefined ? null : await openPasswordSlot(header, password, 'rekey')
      return next === null ? null : { key: next, via: 'rekey' }
    },
    () => new KeywardError('WRONG_PASSWORD', `Wrong password. ${attemptsHint(recordFailure(files, deps).throttle)}`),
  )
  session.header = clearFailures(files, session.header)
  if (session.header.slots.device !== undefined) recordPasswordCheck(files, deps.clock.now())
  return session
}

/** Unlocks with the recovery code from the emergency kit. */
export async function unlockWithRecoveryCode(dir: string, code: string, deps: UnlockDeps): Promise<VaultSession> {
  const files = vaultFiles(dir)
  return unlockUnderLock(
    files,
    deps,
    'recovery-code',
    async (header) => {
      const current = openRecoverySlot(header, code)
      if (current !== null) return { key: current, via: 'current' }
      const next = openRecoverySlot(header, code, 'rekey')
      return next === null ? null : { key: next, via: 'rekey' }
    },
    () =>
      new KeywardError(
        'WRONG_PASSWORD',
        'That recovery code does not open this vault. Check it against your emergency kit.',
      ),
  )
}

/**
 * Unlocks with the OS keychain when the vault has a device slot; null when there is none or it fails for any
 * reason, so the caller asks for the password. Nothing is ever deleted or reset on failure.
 */
export async function unlockWithDevice(
  dir: string,
  store: DeviceKeyStore,
  deps: SessionDeps,
): Promise<VaultSession | null> {
  const files = vaultFiles(dir)
  const peek = readHeader(files)
  if (deviceUnlockState(peek, deps.clock.now()) === 'password-due') {
    throw new KeywardError(
      'UNSUPPORTED',
      'Enter your master password: Keyward asks for it every 14 days even with device unlock on.',
    )
  }
  const noDevice = new KeywardError('CANCELLED', 'no device slot')
  try {
    return await unlockUnderLock(
      files,
      deps,
      'device',
      async (header) => {
        const key = openDeviceSlot(header, store)
        return key === null ? null : { key, via: 'current' }
      },
      () => noDevice,
    )
  } catch (error) {
    if (error === noDevice) return null
    throw error
  }
}
