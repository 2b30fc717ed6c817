import { openDatabase } from '../db/openDatabase'
import type { Clock } from '../ports/Clock'
import { applyPendingRotations } from '../providers/pendingRotations'
import { refreshDueDigest } from '../reminders/dueDigest'
import { remindBeforeDefault } from './settings'
import { recordEvent } from './audit'
import { restoreHint } from './backups'
import type { VaultHeader } from './header'
import { prepareInWorker } from './prepareInWorker'
import { prepareVault } from './prepareVault'
import { VaultSession, type Actor } from './VaultSession'
import type { VaultFiles } from './vaultFiles'

export interface SessionDeps {
  readonly clock: Clock
  readonly actor: Actor
  readonly nativeBinding?: string
  /**
   * The built vaultWorker.js. When set (the desktop app), the integrity check, migrations and daily backup run in
   * a worker thread; without it (the CLI, which blocks nobody) they run on the session's own connection.
   */
  readonly vaultWorker?: string
}

/**
 * Opens the database of an existing vault with its (already unwrapped) key, migrates it with a backup first,
 * takes the daily backup — each after a full integrity check — applies pending rotations and records the unlock.
 * Takes ownership of `databaseKey`: it is wiped on any failure.
 */
export async function openSession(files: VaultFiles, header: VaultHeader, databaseKey: Buffer, deps: SessionDeps, method: string): Promise<VaultSession> {
  let session: VaultSession | undefined
  try {
    const now = deps.clock.now()
    const preparedInWorker = deps.vaultWorker === undefined ? null : await prepareInWorker(deps.vaultWorker, files, databaseKey, now, deps.nativeBinding)
    const db = openDatabase(files.database, databaseKey, { create: false, nativeBinding: deps.nativeBinding, restoreHint: restoreHint(files) })
    session = new VaultSession(files, header, db, databaseKey, deps.clock, deps.actor, deps.nativeBinding)
    const { backups } = preparedInWorker ?? prepareVault(db, files, now)
    session.loadValueKeys()
    for (const name of backups) recordEvent(session, 'backup', {}, { name })
    recordEvent(session, 'unlocked', {}, { method })
    const pending = applyPendingRotations(session)
    session.quarantinedRotations = pending.quarantined
    // A recovered rotation moved a key's dates: the locked reminders' digest follows at once.
    if (pending.applied.length > 0) refreshDueDigest(session, remindBeforeDefault(session))
    return session
  } catch (error) {
    if (session === undefined) databaseKey.fill(0)
    session?.lock()
    throw error
  }
}
