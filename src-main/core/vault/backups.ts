import type { Database } from 'better-sqlite3-multiple-ciphers'
import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { sqlString } from '../db/openDatabase'
import { KeywardError } from '../errors'
import { fsyncDirectory } from '../fs/atomicWrite'
import { readHeader } from './header'
import type { VaultFiles } from './vaultFiles'

export const BACKUPS_KEPT = 10
const DAY_MS = 24 * 60 * 60 * 1000

export interface BackupInfo {
  readonly name: string
  readonly path: string
  readonly createdAt: string
  readonly bytes: number
}

/**
 * Backups, newest first. A backup is a folder holding an encrypted vault.db snapshot and the header it opens with.
 * One that another Keyward prunes while this one looks (two unlocks taking the daily backup at once) is skipped.
 */
export function listBackups(files: VaultFiles): BackupInfo[] {
  if (!existsSync(files.backups)) return []
  return readdirSync(files.backups, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .flatMap((entry) => {
      const dir = path.join(files.backups, entry.name)
      const db = statSync(path.join(dir, 'vault.db'), { throwIfNoEntry: false })
      return db === undefined
        ? []
        : [{ name: entry.name, path: dir, createdAt: db.mtime.toISOString(), bytes: db.size }]
    })
    .sort((a, b) => b.name.localeCompare(a.name))
}

export function newestBackup(files: VaultFiles): BackupInfo | undefined {
  return listBackups(files)[0]
}

/** "Restore …" advice for VAULT_CORRUPT messages, naming the newest backup. */
export function restoreHint(files: VaultFiles): string {
  const newest = newestBackup(files)
  return newest === undefined
    ? `No backup exists in ${files.backups}.`
    : `The newest backup is ${newest.path} (${newest.createdAt}): copy its vault.db and vault.json into ${files.dir}.`
}

/**
 * Snapshots the open database with `VACUUM INTO` (a consistent copy, encrypted with the same key: SQLite's backup
 * API refuses SQLCipher targets) plus the current vault.json, then keeps the newest BACKUPS_KEPT.
 */
export function backupVault(db: Database, files: VaultFiles, now: Date, reason: string): BackupInfo {
  // The app and the CLI may both take the daily backup at the same moment: names never collide, and a backup
  // appears under its name only once complete.
  // Never a header holding a password change's record: with it, the old password would open the new database.
  // (An opener holds the vault lock, so no change is under way; a record left by a crash is settled at unlock.)
  const header = readHeader(files)
  if (header.rekey !== undefined)
    throw new KeywardError(
      'VAULT_BUSY',
      'A password change is not finished yet, so no backup was taken. Unlock again to finish it, then back up.',
    )
  const name = `${now.toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}-${reason}`
  const dir = path.join(files.backups, name)
  const staging = path.join(files.backups, `.${name}.partial`)
  mkdirSync(staging, { recursive: true, mode: 0o700 })
  try {
    db.exec(`VACUUM INTO ${sqlString(path.join(staging, 'vault.db'))}`)
    writeFileSync(path.join(staging, 'vault.json'), `${JSON.stringify(header, null, 2)}\n`, { mode: 0o600 })
    if (process.platform !== 'win32')
      for (const file of ['vault.db', 'vault.json']) chmodSync(path.join(staging, file), 0o600)
    fsyncDirectory(staging)
    renameSync(staging, dir)
    fsyncDirectory(files.backups)
  } catch (error) {
    rmSync(staging, { recursive: true, force: true })
    throw error
  }
  // Never the one just made, even when its name sorts oldest (a clock set back, another process's clock ahead).
  const all = listBackups(files)
  for (const old of all.filter((backup) => backup.name !== name).slice(BACKUPS_KEPT - 1))
    rmSync(old.path, { recursive: true, force: true })
  const made = all.find((backup) => backup.name === name)
  if (made === undefined)
    throw new KeywardError(
      'VAULT_BUSY',
      `The backup ${name} was removed while it was being written (by another Keyward pruning old backups). Back up again.`,
    )
  return made
}

/** The daily backup is due when the newest backup is more than a day old (or there is none). */
export function dailyBackupDue(files: VaultFiles, now: Date): boolean {
  const newest = newestBackup(files)
  return newest === undefined || now.getTime() - Date.parse(newest.createdAt) >= DAY_MS
}
