import type { KeyId } from '../keys/keyId'
import type { VaultSession } from '../vault/VaultSession'

/** The `rotations` table: one journal row per key whose rotation by API is under way (migration 0050). */
export interface JournalRow {
  readonly key_id: KeyId
  readonly next_step: string
  readonly retire: string | null
  readonly started_at: string
  readonly log: string
}

export function readJournalRow(session: VaultSession, keyId: KeyId): JournalRow | undefined {
  return session.sql('SELECT key_id, next_step, retire, started_at, log FROM rotations WHERE key_id = ?').get(keyId) as
    JournalRow | undefined
}

export function writeJournalRow(session: VaultSession, row: JournalRow, now: string): void {
  session
    .sql(
      `INSERT INTO rotations (key_id, next_step, retire, started_at, updated_at, log) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (key_id) DO UPDATE SET next_step = excluded.next_step, retire = excluded.retire,
         started_at = excluded.started_at, updated_at = excluded.updated_at, log = excluded.log`,
    )
    .run(row.key_id, row.next_step, row.retire, row.started_at, now, row.log)
}

export function deleteJournalRow(session: VaultSession, keyId: KeyId): void {
  session.sql('DELETE FROM rotations WHERE key_id = ?').run(keyId)
}
