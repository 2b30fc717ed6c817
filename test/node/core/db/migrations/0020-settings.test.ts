import Database from 'better-sqlite3-multiple-ciphers'
import { describe, expect, it } from 'vitest'
import { applyMigrations, pendingMigrations, schemaVersion } from '../../../../../src-main/core/db/migrate'
import { initial } from '../../../../../src-main/core/db/migrations/0010-initial'
import { settings } from '../../../../../src-main/core/db/migrations/0020-settings'

describe('migration 0020 settings', () => {
  it('applies on top of 0010, records version 20, and keeps values as JSON', () => {
    const db = new Database(':memory:')
    applyMigrations(db, [initial])
    expect(pendingMigrations(10)[0]?.version).toBe(20)
    applyMigrations(db, [settings])
    expect(schemaVersion(db)).toBe(20)
    db.prepare("INSERT INTO settings (name, value, updated_at) VALUES ('remindBeforeDays', '7', 'now')").run()
    expect(() =>
      db.prepare("INSERT INTO settings (name, value, updated_at) VALUES ('x', 'not json', 'now')").run(),
    ).toThrow(/CHECK/)
  })
})
