import Database from 'better-sqlite3-multiple-ciphers'
import { describe, expect, it } from 'vitest'
import { applyMigrations, schemaVersion } from '../../../../../src-main/core/db/migrate'
import { migrations } from '../../../../../src-main/core/db/migrations'

describe('migration 0070 vault state', () => {
  it('applies on top of 0060, records version 70, and holds only a whole, non-negative generation', () => {
    const db = new Database(':memory:')
    applyMigrations(
      db,
      migrations.filter((migration) => migration.version <= 60),
    )
    applyMigrations(
      db,
      migrations.filter((migration) => migration.version === 70),
    )
    expect(schemaVersion(db)).toBe(70)
    const insert = db.prepare('INSERT INTO vault_state (name, value) VALUES (?, ?)')
    insert.run('generation', 3)
    expect(db.prepare("SELECT value FROM vault_state WHERE name = 'generation'").pluck().get()).toBe(3)
    expect(() => insert.run('something-else', 1)).toThrow(/CHECK/)
    expect(() => db.prepare("UPDATE vault_state SET value = -1 WHERE name = 'generation'").run()).toThrow(/CHECK/)
    expect(() => db.prepare("UPDATE vault_state SET value = 'two' WHERE name = 'generation'").run()).toThrow()
  })
})
