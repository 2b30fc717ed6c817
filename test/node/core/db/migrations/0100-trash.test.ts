import Database from 'better-sqlite3-multiple-ciphers'
import { describe, expect, it } from 'vitest'
import { applyMigrations, schemaVersion } from '../../../../../src-main/core/db/migrate'
import { migrations } from '../../../../../src-main/core/db/migrations'

describe('migration 0100 trash', () => {
  it('applies on top of 0090, leaves keys alone, and deletes a trashed key’s versions with it', () => {
    const db = new Database(':memory:')
    db.pragma('foreign_keys = ON')
    applyMigrations(
      db,
      migrations.filter((migration) => migration.version <= 90),
    )
    db.prepare(
      "INSERT INTO keys (id, provider, name, created_at, updated_at, fingerprint) VALUES ('k', 'custom', 'k', '2026-01-01', '2026-01-01', 'f')",
    ).run()
    applyMigrations(
      db,
      migrations.filter((migration) => migration.version === 100),
    )
    expect(schemaVersion(db)).toBe(100)
    expect(db.prepare('SELECT count(*) FROM keys').pluck().get()).toBe(1)
    db.prepare(
      "INSERT INTO trash (key_id, provider, name, trashed_at, key_row) VALUES ('t', 'custom', 't', '2026-01-02', '{}')",
    ).run()
    db.prepare(
      "INSERT INTO trash_versions (id, key_id, sealed, fingerprint, hint, created_at) VALUES ('v', 't', x'00', 'f', '', '2026-01-01')",
    ).run()
    expect(() => db.prepare("UPDATE trash SET key_row = 'not json'").run()).toThrow(/CHECK/)
    db.prepare("DELETE FROM trash WHERE key_id = 't'").run()
    expect(db.prepare('SELECT count(*) FROM trash_versions').pluck().get()).toBe(0)
  })
})
