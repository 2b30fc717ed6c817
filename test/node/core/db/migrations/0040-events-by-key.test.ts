import Database from 'better-sqlite3-multiple-ciphers'
import { describe, expect, it } from 'vitest'
import { applyMigrations, schemaVersion } from '../../../../../src-main/core/db/migrate'
import { migrations } from '../../../../../src-main/core/db/migrations'

describe('migration 0040 events by key', () => {
  it("applies on top of 0030, records version 40, and a key's events are read through the index", () => {
    const db = new Database(':memory:')
    applyMigrations(
      db,
      migrations.filter((migration) => migration.version <= 40),
    )
    expect(schemaVersion(db)).toBe(40)
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT id FROM events WHERE key_id = 'k' ORDER BY id DESC LIMIT 20")
      .all() as { detail: string }[]
    expect(plan.map((row) => row.detail).join(' ')).toMatch(/USING (COVERING )?INDEX events_by_key/)
  })
})
