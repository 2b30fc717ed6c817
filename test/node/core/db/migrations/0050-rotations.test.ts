import Database from 'better-sqlite3-multiple-ciphers'
import { describe, expect, it } from 'vitest'
import { applyMigrations, schemaVersion } from '../../../../../src-main/core/db/migrate'
import { migrations } from '../../../../../src-main/core/db/migrations'

describe('migration 0050 rotations', () => {
  it('applies on top of 0040, records version 50; a journal row goes with its key', () => {
    const db = new Database(':memory:')
    db.pragma('foreign_keys = ON')
    applyMigrations(
      db,
      migrations.filter((migration) => migration.version <= 50),
    )
    expect(schemaVersion(db)).toBe(50)
    const columns = (db.prepare('PRAGMA table_info(rotations)').all() as { name: string }[]).map(
      (column) => column.name,
    )
    expect(columns).toEqual(['key_id', 'next_step', 'retire', 'started_at', 'updated_at', 'log'])
    expect(() =>
      db
        .prepare(
          "INSERT INTO rotations (key_id, next_step, retire, started_at, updated_at) VALUES ('nokey', 'verify', 'api', 'a', 'b')",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/)
  })
})
