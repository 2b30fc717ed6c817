import Database from 'better-sqlite3-multiple-ciphers'
import { describe, expect, it } from 'vitest'
import {
  applyMigrations,
  latestVersion,
  pendingMigrations,
  schemaVersion,
} from '../../../../../src-main/core/db/migrate'
import { initial } from '../../../../../src-main/core/db/migrations/0010-initial'

function migrated(): Database.Database {
  const db = new Database(':memory:')
  db.pragma('foreign_keys = ON')
  applyMigrations(db, [initial])
  return db
}

function insertKey(db: Database.Database, id: string, fields: Partial<Record<string, string>> = {}): void {
  db.prepare(
    `INSERT INTO keys (id, provider, name, env_var, environment, created_at, updated_at, tags, notes, fingerprint, metadata)
     VALUES (@id, @provider, @name, @env_var, @environment, 'now', 'now', @tags, @notes, 'fp', @metadata)`,
  ).run({
    id,
    provider: 'stripe',
    name: id,
    env_var: null,
    environment: 'development',
    tags: '[]',
    notes: '',
    metadata: '{}',
    ...fields,
  })
}

function search(db: Database.Database, query: string): string[] {
  return (
    db
      .prepare(
        'SELECT keys.id FROM keys_search JOIN keys ON keys.rowid = keys_search.rowid WHERE keys_search MATCH ? ORDER BY keys.id',
      )
      .all(query) as { id: string }[]
  ).map((row) => row.id)
}

describe('migration 0010 initial', () => {
  it('applies to an empty database and records version 10', () => {
    const db = migrated()
    expect(schemaVersion(db)).toBe(10)
    const tables = (
      db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'keys_search_%' ORDER BY name")
        .all() as { name: string }[]
    ).map((row) => row.name)
    expect(tables).toEqual(['events', 'keys', 'keys_search', 'providers', 'reminders', 'secret_versions', 'usages'])
    expect(pendingMigrations(10, [initial])).toEqual([])
  })

  it('keeps the trigram index in step with inserts, updates and deletes', () => {
    const db = migrated()
    insertKey(db, 'a', { notes: 'billing for the shop', env_var: 'STRIPE_SECRET_KEY' })
    insertKey(db, 'b', { environment: 'production', tags: '["payments"]' })
    expect(search(db, '"shop"')).toEqual(['a'])
    expect(search(db, '"SECRET_K"')).toEqual(['a'])
    expect(search(db, '"produc"')).toEqual(['b'])
    expect(search(db, '"payme"')).toEqual(['b'])
    db.prepare("UPDATE keys SET notes = 'moved' WHERE id = 'a'").run()
    expect(search(db, '"shop"')).toEqual([])
    expect(search(db, '"moved"')).toEqual(['a'])
    db.prepare("DELETE FROM keys WHERE id = 'b'").run()
    expect(search(db, '"produc"')).toEqual([])
  })

  it('enforces unique provider/name, one current value per key, and cascades deletes to values and usages', () => {
    const db = migrated()
    insertKey(db, 'a')
    expect(() => insertKey(db, 'a2', { name: 'a' })).toThrow(/UNIQUE/)
    const addSecret = db.prepare(
      "INSERT INTO secret_versions (id, key_id, sealed, fingerprint, hint, created_at, retired_at) VALUES (?, 'a', x'00', 'fp', '', 'now', ?)",
    )
    addSecret.run('s1', null)
    expect(() => addSecret.run('s2', null)).toThrow(/UNIQUE/)
    addSecret.run('s3', 'later')
    db.prepare("INSERT INTO usages (key_id, file_path, variable, written_at) VALUES ('a', '/p/.env', 'K', 'now')").run()
    db.prepare("DELETE FROM keys WHERE id = 'a'").run()
    expect(db.prepare('SELECT count(*) AS n FROM secret_versions').get()).toEqual({ n: 0 })
    expect(db.prepare('SELECT count(*) AS n FROM usages').get()).toEqual({ n: 0 })
  })

  it('rejects invalid JSON in metadata and tags', () => {
    const db = migrated()
    expect(() => insertKey(db, 'x', { tags: 'not json' })).toThrow(/CHECK/)
    expect(() => insertKey(db, 'y', { metadata: 'not json' })).toThrow(/CHECK/)
    expect(() => insertKey(db, 'z', { metadata: '{"ok":true}' })).not.toThrow()
  })
})

describe('migration runner', () => {
  it('refuses a schema newer than this build with VAULT_TOO_NEW', () => {
    expect(() => pendingMigrations(latestVersion() + 10)).toThrow(expect.objectContaining({ code: 'VAULT_TOO_NEW' }))
  })

  it('rolls back a failing migration whole, leaving the version where it was', () => {
    const db = new Database(':memory:')
    const broken = {
      version: 10,
      name: 'broken',
      up: (d: Database.Database) => d.exec('CREATE TABLE t (x); INSERT INTO nowhere VALUES (1)'),
    }
    expect(() => applyMigrations(db, [broken])).toThrow()
    expect(schemaVersion(db)).toBe(0)
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 't'").get()).toEqual({ n: 0 })
  })
})
