import Database from 'better-sqlite3-multiple-ciphers'
import { describe, expect, it } from 'vitest'
import { applyMigrations, schemaVersion } from '../../../../../src-main/core/db/migrate'
import { migrations } from '../../../../../src-main/core/db/migrations'

const insertKey = `INSERT INTO keys (id, provider, name, created_at, updated_at, expires_at, rotated_at, rotate_every_days, fingerprint)
  VALUES (@id, 'custom', @id, '2026-01-01T10:00:00Z', '2026-01-01T10:00:00Z', @expires, @rotated, @every, @id)`
const insertEvent = "INSERT INTO events (at, action, key_id, actor, detail) VALUES (?, ?, ?, 'cli', '{}')"

describe('migration 0060 dashboard indexes', () => {
  it('derives rotation day, deadline and last use; fills the last local use from the trail, then the trigger keeps it', () => {
    const db = new Database(':memory:')
    applyMigrations(
      db,
      migrations.filter((migration) => migration.version <= 50),
    )
    db.prepare(insertKey).run({ id: 'a', expires: '2026-06-01', rotated: null, every: 30 })
    db.prepare(insertKey).run({ id: 'b', expires: null, rotated: '2026-03-01T09:00:00Z', every: 90 })
    db.prepare(insertKey).run({ id: 'c', expires: null, rotated: null, every: null })
    db.prepare(insertEvent).run('2026-02-01T10:00:00Z', 'revealed', 'a')
    db.prepare(insertEvent).run('2026-03-01T10:00:00Z', 'exported', 'a')
    db.prepare(insertEvent).run('2026-04-01T10:00:00Z', 'copied', 'a')

    applyMigrations(
      db,
      migrations.filter((migration) => migration.version > 50 && migration.version <= 60),
    )
    expect(schemaVersion(db)).toBe(60)
    const row = (id: string) =>
      db.prepare('SELECT rotation_due, deadline, local_used_at, last_use FROM keys WHERE id = ?').get(id)
    expect(row('a')).toEqual({
      rotation_due: '2026-01-31',
      deadline: '2026-01-31',
      local_used_at: '2026-03-01T10:00:00Z',
      last_use: '2026-03-01T10:00:00Z',
    })
    expect(row('b')).toEqual({
      rotation_due: '2026-05-30',
      deadline: '2026-05-30',
      local_used_at: null,
      last_use: '2026-01-01T10:00:00Z',
    })
    expect(row('c')).toEqual({
      rotation_due: null,
      deadline: '9999-12-31',
      local_used_at: null,
      last_use: '2026-01-01T10:00:00Z',
    })

    db.prepare(insertEvent).run('2026-05-01T10:00:00Z', 'revealed', 'b')
    db.prepare(insertEvent).run('2026-05-02T10:00:00Z', 'copied', 'c')
    expect(row('b')).toMatchObject({ local_used_at: '2026-05-01T10:00:00Z', last_use: '2026-05-01T10:00:00Z' })
    expect(row('c')).toMatchObject({ local_used_at: null })
    db.prepare('UPDATE keys SET last_used_at = ? WHERE id = ?').run('2026-05-05T00:00:00Z', 'b')
    expect(row('b')).toMatchObject({ last_use: '2026-05-05T00:00:00Z' }) // what the provider reported wins
  })
})
