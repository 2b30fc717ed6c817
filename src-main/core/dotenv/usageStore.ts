import type { KeyId } from '../keys/keyId'
import type { VaultSession } from '../vault/VaultSession'

/** The `usages` table: which .env files each key was written to (or imported from), by variable. */

export interface KeyUsage {
  readonly file: string
  readonly variable: string
  readonly writtenAt: string
}

/** Every .env file a key was written to (by `env write` or a rotation), newest first. */
export function keyUsages(session: VaultSession, keyId: KeyId): KeyUsage[] {
  return session
    .sql(
      'SELECT file_path AS file, variable, written_at AS writtenAt FROM usages WHERE key_id = ? ORDER BY written_at DESC, file_path',
    )
    .all(keyId) as KeyUsage[]
}

/**
 * Records that keys were written to `file` (or, `origin: 'imported'`, found in it when imported); a later rotation
 * updates the file where it still holds the old value. Once written, a row stays "written".
 */
export function recordUsages(
  session: VaultSession,
  file: string,
  entries: readonly { keyId: string; variable: string }[],
  origin: 'written' | 'imported' = 'written',
): void {
  const now = session.clock.now().toISOString()
  const upsert = session.sql(
    'INSERT INTO usages (key_id, file_path, variable, written_at, origin) VALUES (?, ?, ?, ?, ?) ' +
      'ON CONFLICT (key_id, file_path, variable) DO UPDATE SET written_at = excluded.written_at, ' +
      "origin = CASE WHEN usages.origin = 'written' THEN 'written' ELSE excluded.origin END",
  )
  for (const { keyId, variable } of entries) upsert.run(keyId, file, variable, now, origin)
}

/** Every file any key was written to, most recently written first: the window offers them before "Choose…". */
export function recentDotenvFiles(session: VaultSession, limit: number): string[] {
  const rows = session
    .sql(
      "SELECT file_path AS file FROM usages WHERE origin = 'written' GROUP BY file_path ORDER BY max(written_at) DESC LIMIT ?",
    )
    .all(limit) as { file: string }[]
  return rows.map((row) => row.file)
}

/**
 * Whether Keyward wrote to this file before (a file the user picked for writing, in the window or the CLI): every
 * key of `keyIds` when given, else any key. A file keys were only imported from does not count.
 */
export function writtenBefore(session: VaultSession, file: string, keyIds?: readonly string[]): boolean {
  if (keyIds === undefined)
    return (
      session.sql("SELECT 1 FROM usages WHERE file_path = ? AND origin = 'written' LIMIT 1").get(file) !== undefined
    )
  if (keyIds.length === 0) return false
  const written = new Set(
    session.sql("SELECT key_id FROM usages WHERE file_path = ? AND origin = 'written'").pluck().all(file) as string[],
  )
  return keyIds.every((id) => written.has(id))
}

/** The files and variables a key was written to, for a rotation to update. */
export function usagesOfKey(session: VaultSession, keyId: string): { file: string; variable: string }[] {
  return session
    .sql('SELECT file_path AS file, variable FROM usages WHERE key_id = ? ORDER BY file_path, variable')
    .all(keyId) as { file: string; variable: string }[]
}

/** A rotation wrote the new value to this file: when. */
export function touchUsage(session: VaultSession, keyId: string, file: string, variable: string, at: string): void {
  session
    .sql('UPDATE usages SET written_at = ? WHERE key_id = ? AND file_path = ? AND variable = ?')
    .run(at, keyId, file, variable)
}
