import type { KeyId } from '../keys/keyId'
import type { VaultSession } from '../vault/VaultSession'

export interface KeyUsage {
  readonly file: string
  readonly variable: string
  readonly writtenAt: string
}

/** Every .env file a key was written to (by `env write` or a rotation), newest first. */
export function keyUsages(session: VaultSession, keyId: KeyId): KeyUsage[] {
  return session
    .sql('SELECT file_path AS file, variable, written_at AS writtenAt FROM usages WHERE key_id = ? ORDER BY written_at DESC, file_path')
    .all(keyId) as KeyUsage[]
}

/** Records that keys were written to (or found in) `file`; a later rotation updates the file where it still holds the old value. */
export function recordUsages(session: VaultSession, file: string, entries: readonly { keyId: string; variable: string }[]): void {
  const now = session.clock.now().toISOString()
  const upsert = session.sql(
    'INSERT INTO usages (key_id, file_path, variable, written_at) VALUES (?, ?, ?, ?) ' +
      'ON CONFLICT (key_id, file_path, variable) DO UPDATE SET written_at = excluded.written_at',
  )
  for (const { keyId, variable } of entries) upsert.run(keyId, file, variable, now)
}
