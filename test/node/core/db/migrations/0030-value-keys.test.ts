import Database from 'better-sqlite3-multiple-ciphers'
import { describe, expect, it } from 'vitest'
import { applyMigrations, pendingMigrations, schemaVersion } from '../../../../../src-main/core/db/migrate'
import { initial } from '../../../../../src-main/core/db/migrations/0010-initial'
import { settings } from '../../../../../src-main/core/db/migrations/0020-settings'
import { valueKeys } from '../../../../../src-main/core/db/migrations/0030-value-keys'

describe('migration 0030 value keys', () => {
  it('applies on top of 0020, records version 30, and holds exactly two 32-byte keys', () => {
    const db = new Database(':memory:')
    applyMigrations(db, [initial, settings])
    expect(pendingMigrations(20)[0]?.version).toBe(30)
    applyMigrations(db, [valueKeys])
    expect(schemaVersion(db)).toBe(30)
    const insert = db.prepare('INSERT INTO value_keys (purpose, key) VALUES (?, ?)')
    insert.run('secret-values', Buffer.alloc(32, 1))
    expect(() => insert.run('value-fingerprints', Buffer.alloc(31, 1))).toThrow(/CHECK/)
    expect(() => insert.run('something-else', Buffer.alloc(32, 1))).toThrow(/CHECK/)
    expect(() => insert.run('value-fingerprints', 'a'.repeat(32))).toThrow(/CHECK/)
  })
})
