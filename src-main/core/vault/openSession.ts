import { openDatabase } from '../db/openDatabase'
import type { Clock } from '../ports/Clock'
// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- upward on purpose: opening a session settles an interrupted rotation's new value
import { applyPendingRotations } from '../providers/pendingRotations'
// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- upward on purpose: the header's due digest is refreshed as the vault opens and locks
import { refreshDueDigest } from '../reminders/dueDigest'
import { remindBeforeDefault } from './settings'
import { recordEvent } from './audit'
import { restoreHint } from './backups'
import { purgeTrash } from './trashPurge'
import { KeywardError } from '../errors'
import { readHeader, sameKeyHeader, type VaultHeader } from './header'
import { prepareInWorker } from './prepareInWorker'
import { prepareVault } from './prepareVault'
import { checkSeen, markOf, markSeen } from './seenVaults'
import { VaultSession, type Actor } from './VaultSession'
import type { VaultFiles } from './vaultFiles'
import { CHANGER_WAIT_MS, OPENER_WAIT_MS, type LockMode, type LockWait, type VaultLock } from './vaultLock'

export interface SessionDeps {
  readonly clock: Clock
  readonly actor: Actor
  readonly nativeBinding?: string
  /**
   * The built vaultWorker.js. When set (the desktop app), the integrity check, migrations and daily backup run in
   * a worker thread; without it (the CLI, which blocks nobody) they run on the session's own connection.
   */
  readonly vaultWorker?: string
  /**
   * Told once an unlock has waited a second for a password change to finish (`'opener'`), or a password change
   * for other openers to close the vault (`'changer'`) — see vaultLock.ts.
   */
  readonly onLockWait?: (who: 'opener' | 'changer') => void
  /** This device's record of how far each vault had got (seenVaults.ts), to notice one put back; unset: not kept. */
  readonly seenVaults?: string
  /** Test seam: how long to wait for the vault lock before VAULT_BUSY (defaults: 60 s opener, 3 s changer). */
  readonly lockWaitMs?: { readonly opener?: number; readonly changer?: number }
}

/**
 * How this process waits for the vault lock: an opener (in either mode: an unlock that settles a crashed change
 * takes it exclusive) waits for a password change, a password change for the openers; in real time — it waits for
 * another process.
 */
export function lockWait(deps: SessionDeps, who: 'opener' | 'changer'): LockWait {
  const { onLockWait } = deps
  return {
    waitMs:
      who === 'opener' ? (deps.lockWaitMs?.opener ?? OPENER_WAIT_MS) : (deps.lockWaitMs?.changer ?? CHANGER_WAIT_MS),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    ...(onLockWait === undefined ? {} : { onWait: () => onLockWait(who) }),
    ...(deps.nativeBinding === undefined ? {} : { nativeBinding: deps.nativeBinding }),
  }
}

/** How a session waits when it trades its lock: as an opener for the shared lock, as a changer for the exclusive. */
export function sessionLockWaits(deps: SessionDeps): Record<LockMode, LockWait> {
  return { shared: lockWait(deps, 'opener'), exclusive: lockWait(deps, 'changer') }
}

/**
 * The password-change generation vault.db holds (0 for a vault never changed, or from before it was counted). Read
 * once migrations have run, so the table is there.
 */
export function storedGeneration(db: VaultSession['db']): number {
  return (
    (db.prepare("SELECT value FROM vault_state WHERE name = 'generation'").pluck().get() as number | undefined) ?? 0
  )
}

/**
 * The header and the database must be one pair: the same generation. When they are not, or the key opened nothing,
 * a header that changed on disk since it was read means a password change got in between (say so: never "damaged",
 * whose advice — restore a backup — would throw the change away); an unchanged one means the files do not belong
 * together.
 */
function mismatch(files: VaultFiles, header: VaultHeader, damage: KeywardError | null): KeywardError {
  let onDisk: VaultHeader | null = null
  try {
    onDisk = readHeader(files)
  } catch {
    // An unreadable header now is the damage itself.
  }
  if (onDisk !== null && !sameKeyHeader(header, onDisk))
    return new KeywardError(
      'VAULT_BUSY',
      'The master password was changed while this unlock was under way. Unlock again with the password that is current now.',
    )
  return (
    damage ??
    new KeywardError(
      'VAULT_CORRUPT',
      `${files.header} and ${files.database} do not belong together (password changes ${header.generation ?? 0} and a database of another). ${restoreHint(files)}`,
    )
  )
}

/**
 * Opens the database of an existing vault with its (already unwrapped) key, migrates it with a backup first,
 * takes the daily backup — each after a full integrity check — applies pending rotations and records the unlock.
 * Takes ownership of `databaseKey`: it is wiped on any failure.
 */
export async function openSession(
  files: VaultFiles,
  header: VaultHeader,
  databaseKey: Buffer,
  deps: SessionDeps,
  method: string,
  vaultLock: VaultLock,
): Promise<VaultSession> {
  let session: VaultSession | undefined
  try {
    const now = deps.clock.now()
    let prepared: { backups: readonly string[] }
    try {
      const preparedInWorker =
        deps.vaultWorker === undefined
          ? null
          : await prepareInWorker(deps.vaultWorker, files, databaseKey, now, deps.nativeBinding)
      const db = openDatabase(files.database, databaseKey, {
        create: false,
        nativeBinding: deps.nativeBinding,
        restoreHint: restoreHint(files),
      })
      session = new VaultSession(files, header, db, databaseKey, deps.clock, deps.actor, deps.nativeBinding)
      session.adoptLock(vaultLock, sessionLockWaits(deps))
      prepared = preparedInWorker ?? prepareVault(db, files, now)
      if (storedGeneration(db) !== (header.generation ?? 0)) throw mismatch(files, header, null)
    } catch (error) {
      if (error instanceof KeywardError && error.code === 'VAULT_CORRUPT') throw mismatch(files, header, error)
      throw error
    }
    const { backups } = prepared
    const opened = session
    if (deps.seenVaults !== undefined)
      session.rollback = checkSeen(deps.seenVaults, files, header, () => markOf(header, opened.db, now))
    session.loadValueKeys()
    for (const name of backups) recordEvent(session, 'backup', {}, { name })
    recordEvent(session, 'unlocked', {}, { method })
    if (deps.seenVaults !== undefined) markSeen(deps.seenVaults, files, header, () => markOf(header, opened.db, now))
    purgeTrash(session) // keys trashed more than 30 days ago go, with their values
    const pending = applyPendingRotations(session)
    session.quarantinedRotations = pending.quarantined
    // A recovered rotation moved a key's dates: the locked reminders' digest follows at once.
    if (pending.applied.length > 0) refreshDueDigest(session, remindBeforeDefault(session))
    return session
  } catch (error) {
    if (session === undefined) {
      databaseKey.fill(0)
      vaultLock.release()
    }
    session?.lock()
    throw error
  }
}
