import type { Database } from 'better-sqlite3-multiple-ciphers'
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import path from 'node:path'
import { fsyncDirectory } from '../fs/atomicWrite'
import type { VaultFiles } from './vaultFiles'

export const BACKUPS_KEPT = 10
const DAY_MS = 24 * 60 * 60 * 1000

export interface BackupInfo {
  readonly name: string
  readonly path: string
  readonly createdAt: string
  readonly bytes: number
}

function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`
}

/** Backups, newest first. A backup is a folder holding an encrypted vault.db snapshot and the header it opens with. */
export function listBackups(files: VaultFiles): BackupInfo[] {
  if (!existsSync(files.backups)) return []
  return readdirSync(files.backups, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(files.backups, entry.name, 'vault.db')))
    .map((entry) => {
      const dir = path.join(files.backups, entry.name)
      const db = statSync(path.join(dir, 'vault.db'))
      return { name: entry.name, path: dir, createdAt: db.mtime.toISOString(), bytes: db.size }
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
  const name = `${now.toISOString().replace(/[:.]/g, '-')}-${reason}`
  const dir = path.join(files.backups, name)
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  db.exec(`VACUUM INTO ${sqlString(path.join(dir, 'vault.db'))}`)
  copyFileSync(files.header, path.join(dir, 'vault.json'))
  if (process.platform !== 'win32') for (const file of ['vault.db', 'vault.json']) chmodSync(path.join(dir, file), 0o600)
  fsyncDirectory(dir)
  for (const old of listBackups(files).slice(BACKUPS_KEPT)) rmSync(old.path, { recursive: true, force: true })
  const made = listBackups(files).find((backup) => backup.name === name)
  if (made === undefined) throw new Error('backup vanished while being written')
  return made
}

/** The daily backup is due when the newest backup is more than a day old (or there is none). */
export function dailyBackupDue(files: VaultFiles, now: Date): boolean {
  const newest = newestBackup(files)
  return newest === undefined || now.getTime() - Date.parse(newest.createdAt) >= DAY_MS
}
