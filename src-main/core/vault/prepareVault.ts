import type { Database } from 'better-sqlite3-multiple-ciphers'
import { KeywardError } from '../errors'
import { applyMigrations, pendingMigrations, schemaVersion } from '../db/migrate'
import { checkIntegrity } from '../db/openDatabase'
import { backupVault, dailyBackupDue, restoreHint } from './backups'
import type { VaultFiles } from './vaultFiles'

/** What preparing did, for the audit trail. */
export interface Prepared {
  readonly backups: readonly string[]
}

/**
 * The slow part of an unlock, on a connection of its own choosing: when migrations are pending or the daily
 * backup is due, the full integrity check (≈60 ms per 10k keys), then a backup before migrating, the migrations,
 * and the daily backup. Runs on the session's own connection in the CLI, and in a worker thread with a second
 * connection in the app (see `vaultWorker.ts`), so the main process never stalls on it.
 */
export function prepareVault(db: Database, files: VaultFiles, now: Date): Prepared {
  const current = schemaVersion(db)
  if (current === 0)
    throw new KeywardError('VAULT_CORRUPT', `${files.database} holds no Keyward schema. ${restoreHint(files)}`)
  const pending = pendingMigrations(current)
  const dailyDue = dailyBackupDue(files, now)
  if (pending.length === 0 && !dailyDue) return { backups: [] }
  checkIntegrity(db, files.database, restoreHint(files))
  const backups: string[] = []
  if (pending.length > 0) backups.push(backupVault(db, files, now, `before-schema-${pending[0]?.version ?? ''}`).name)
  applyMigrations(db, pending)
  if (dailyDue) backups.push(backupVault(db, files, now, 'daily').name)
  return { backups }
}
