import type { Database } from 'better-sqlite3-multiple-ciphers'
import { KeywardError } from '../errors'
import { migrations as allMigrations } from './migrations'
import type { Migration } from './migrations/migration'

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number
}

export function latestVersion(migrations: readonly Migration[] = allMigrations): number {
  return migrations.at(-1)?.version ?? 0
}

/** The migrations a database at `current` still needs; VAULT_TOO_NEW when it is ahead of this build. */
export function pendingMigrations(current: number, migrations: readonly Migration[] = allMigrations): Migration[] {
  if (current > latestVersion(migrations)) {
    throw new KeywardError(
      'VAULT_TOO_NEW',
      `This vault's database was written by a newer Keyward (schema ${current}). Update Keyward to open it.`,
    )
  }
  return migrations.filter((migration) => migration.version > current)
}

/** Applies each pending migration in its own transaction, recording its version as it commits. */
export function applyMigrations(db: Database, pending: readonly Migration[]): void {
  for (const migration of pending) {
    db.transaction(() => {
      migration.up(db)
      db.pragma(`user_version = ${migration.version}`)
    }).immediate()
  }
}
