import Database from 'better-sqlite3-multiple-ciphers'
import { describe, expect, it } from 'vitest'
import { applyMigrations, schemaVersion } from '../../../../../src-main/core/db/migrate'
import { migrations } from '../../../../../src-main/core/db/migrations'

describe('migration 0080 usage origin', () => {
  it('applies on top of 0070, keeps earlier rows as written, and takes only written or imported', () => {
    const db = new Database(':memory:')
    applyMigrations(
      db,
      migrations.filter((migration) => migration.version <= 70),
    )
    db.prepare(
      "INSERT INTO keys (id, provider, name, created_at, updated_at, fingerprint) VALUES ('k', 'custom', 'k', '2026-01-01', '2026-01-01', 'f')",
    ).run()
    db.prepare(
      "INSERT INTO usages (key_id, file_path, variable, written_at) VALUES ('k', '/p/.env', 'K', '2026-01-01')",
    ).run()
    applyMigrations(
      db,
      migrations.filter((migration) => migration.version === 80),
    )
    expect(schemaVersion(db)).toBe(80)
    expect(db.prepare('SELECT origin FROM usages').pluck().get()).toBe('written')
    db.prepare(
      "INSERT INTO usages (key_id, file_path, variable, written_at, origin) VALUES ('k', '/q/.env', 'K', '2026-01-02', 'imported')",
    ).run()
    expect(() => db.prepare("UPDATE usages SET origin = 'guessed'").run()).toThrow(/CHECK/)
  })
})
