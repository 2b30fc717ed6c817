import type { Database } from 'better-sqlite3-multiple-ciphers'
import { fingerprint, seal, secretAad, unsealOrCorrupt } from './sealing'
import { wipe } from '../security/secretBuffer'

/** The two keys every value is sealed and fingerprinted under (`value_keys`). */
export interface ValueKeys {
  readonly secret: Buffer
  readonly fingerprint: Buffer
}

/**
 * Re-seals every value version under `to` and fingerprints it again, and stores `to` as the value keys — on `db`,
 * the re-keyed copy a password change is about to put in place (rekey.ts), inside one transaction. A backup from
 * before the change then holds value keys that open nothing written after it.
 */
export function resealValues(db: Database, from: ValueKeys, to: ValueKeys): void {
  db.transaction(() => {
    // The Trash's versions too: a key restored after a password change must open under the new keys.
    for (const table of ['secret_versions', 'trash_versions'] as const) resealTable(db, table, from, to)
    db.exec(`UPDATE keys SET fingerprint = coalesce((SELECT fingerprint FROM secret_versions AS s
      WHERE s.key_id = keys.id AND s.retired_at IS NULL), fingerprint)`)
    const store = db.prepare('UPDATE value_keys SET key = ? WHERE purpose = ?')
    store.run(to.secret, 'secret-values')
    store.run(to.fingerprint, 'value-fingerprints')
  })()
}

function resealTable(db: Database, table: 'secret_versions' | 'trash_versions', from: ValueKeys, to: ValueKeys): void {
  const rows = db.prepare(`SELECT id, sealed FROM ${table}`).all() as { id: string; sealed: Buffer }[]
  const update = db.prepare(`UPDATE ${table} SET sealed = ?, fingerprint = ? WHERE id = ?`)
  for (const row of rows) {
    const value = unsealOrCorrupt(from.secret, row.sealed, secretAad(row.id))
    try {
      update.run(seal(to.secret, value, secretAad(row.id)), fingerprint(to.fingerprint, value.toString('utf8')), row.id)
    } finally {
      wipe(value)
    }
  }
}
