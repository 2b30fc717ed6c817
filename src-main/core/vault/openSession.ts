import { KeywardError } from '../errors'
import { applyMigrations, pendingMigrations, schemaVersion } from '../db/migrate'
import { checkIntegrity, openDatabase } from '../db/openDatabase'
import type { Clock } from '../ports/Clock'
import { applyPendingRotations } from '../providers/pendingRotations'
import { recordEvent } from './audit'
import { backupVault, dailyBackupDue, restoreHint } from './backups'
import type { VaultHeader } from './header'
import { VaultSession, type Actor } from './VaultSession'
import type { VaultFiles } from './vaultFiles'

export interface SessionDeps {
  readonly clock: Clock
  readonly actor: Actor
  readonly nativeBinding?: string
}

/**
 * Opens the database of an existing vault with its (already unwrapped) key, migrates it with a backup first,
 * takes the daily backup — each after a full integrity check — and records the unlock. Takes ownership of
 * `databaseKey`: it is wiped on any failure.
 */
export function openSession(files: VaultFiles, header: VaultHeader, databaseKey: Buffer, deps: SessionDeps, method: string): VaultSession {
  let session: VaultSession | undefined
  try {
    const db = openDatabase(files.database, databaseKey, { create: false, nativeBinding: deps.nativeBinding, restoreHint: restoreHint(files) })
    session = new VaultSession(files, header, db, databaseKey, deps.clock, deps.actor)
    const current = schemaVersion(db)
    if (current === 0) {
      throw new KeywardError('VAULT_CORRUPT', `${files.database} holds no Keyward schema. ${restoreHint(files)}`)
    }
    const pending = pendingMigrations(current)
    const dailyDue = dailyBackupDue(files, deps.clock.now())
    if (pending.length > 0 || dailyDue) checkIntegrity(db, files.database, restoreHint(files))
    const backups: string[] = []
    if (pending.length > 0) backups.push(backupVault(db, files, deps.clock.now(), `before-schema-${pending[0]?.version ?? ''}`).name)
    applyMigrations(db, pending)
    if (dailyDue) backups.push(backupVault(db, files, deps.clock.now(), 'daily').name)
    for (const name of backups) recordEvent(session, 'backup', {}, { name })
    recordEvent(session, 'unlocked', {}, { method })
    applyPendingRotations(session)
    return session
  } catch (error) {
    if (session === undefined) databaseKey.fill(0)
    session?.lock()
    throw error
  }
}
