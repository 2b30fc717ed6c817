import { randomUUID } from 'node:crypto'
import { chmodSync, mkdirSync } from 'node:fs'
import { applyMigrations, pendingMigrations } from '../db/migrate'
import { openDatabase } from '../db/openDatabase'
import { KeywardError } from '../errors'
import { recordEvent } from './audit'
import { HEADER_FORMAT, writeHeader, type VaultHeader } from './header'
import { lockWait, sessionLockWaits, type SessionDeps } from './openSession'
import { calibrateKdf, explicitKdfCost, type KdfCost } from './passwordKdf'
import { newRecoveryCode } from './recoveryCode'
import { randomSecret } from '../security/secretBuffer'
import { passwordSlot, recoverySlot } from './slots'
import { NO_FAILURES } from './throttle'
import { VaultSession } from './VaultSession'
import { refuseExistingVault, vaultFiles } from './vaultFiles'
import { takeVaultLock } from './vaultLock'

export interface CreateOptions {
  /** Explicit Argon2id cost (tests, benchmarks); without it the KDF is calibrated to ≈0.5 s on this machine. */
  readonly kdf?: Partial<KdfCost>
}

export interface CreatedVault {
  readonly session: VaultSession
  /** Shown to the user once; never stored anywhere. */
  readonly recoveryCode: string
}

/**
 * Creates a vault: a random 256-bit database key, wrapped once by the password (Argon2id) and once by a fresh
 * recovery code. The database is created and migrated first and the header written last, atomically, so a crash
 * leaves either no vault or a whole one.
 */
export async function createVault(
  dir: string,
  password: string,
  options: CreateOptions,
  deps: SessionDeps,
): Promise<CreatedVault> {
  const files = vaultFiles(dir)
  refuseExistingVault(dir)
  if (password.length === 0) throw new KeywardError('INVALID_INPUT', 'The master password cannot be empty.')
  const cost = options.kdf === undefined ? await calibrateKdf() : explicitKdfCost(options.kdf)
  ownerOnlyDirectory(dir)
  const vaultLock = await takeVaultLock(files, 'shared', lockWait(deps, 'opener'))

  const databaseKey = randomSecret(32)
  const vaultId = randomUUID()
  const recoveryCode = newRecoveryCode()
  const kdf = { algorithm: 'argon2id' as const, ...cost, salt: randomSecret(16).toString('base64') }
  const header: VaultHeader = {
    format: HEADER_FORMAT,
    vaultId,
    createdAt: deps.clock.now().toISOString(),
    kdf,
    slots: {
      password: await passwordSlot({ vaultId, kdf }, password, databaseKey),
      recovery: recoverySlot({ vaultId }, recoveryCode, databaseKey),
    },
    throttle: NO_FAILURES,
    dueDigest: [],
  }

  let session: VaultSession
  try {
    const db = openDatabase(files.database, databaseKey, {
      create: true,
      nativeBinding: deps.nativeBinding,
      restoreHint: '',
    })
    session = new VaultSession(files, header, db, databaseKey, deps.clock, deps.actor, deps.nativeBinding)
  } catch (error) {
    vaultLock.release()
    throw error
  }
  session.adoptLock(vaultLock, sessionLockWaits(deps))
  try {
    applyMigrations(session.db, pendingMigrations(0))
    session.loadValueKeys()
    recordEvent(session, 'vault-created', {}, { kdf: cost })
    writeHeader(files, header)
  } catch (error) {
    session.lock()
    throw error
  }
  return { session, recoveryCode }
}

/**
 * The vault's directory, owner-only: created 0700, or an existing one (chosen with --vault, made by hand) set to
 * 0700 — not only reported later by doctor. One that cannot be made so is refused, saying why.
 */
function ownerOnlyDirectory(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  if (process.platform === 'win32') return
  try {
    chmodSync(dir, 0o700)
  } catch {
    throw new KeywardError(
      'INVALID_INPUT',
      `${dir} cannot be made private to you (it belongs to another user, or is read-only). Choose a directory of your own.`,
    )
  }
}
