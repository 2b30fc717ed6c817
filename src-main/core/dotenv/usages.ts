import { parse } from 'dotenv'
import { KeywardError } from '../errors'
import type { KeyId } from '../keys/keyId'
import type { VaultSession } from '../vault/VaultSession'
import { readDotenvText } from './dotenvFiles'

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

/** Where a key was written, as it is now: still its current value, changed by hand since, or gone. */
export type UsageState = 'current' | 'changed' | 'missing'

/**
 * A tracked file's text, or null when it is gone or no longer a regular file (a FIFO or a device put in its place
 * would block a plain read forever).
 */
export function trackedText(file: string): string | null {
  try {
    return readDotenvText(file)
  } catch (error) {
    if (error instanceof KeywardError) return null
    throw error
  }
}

export function usageState(file: string, variable: string, value: string): UsageState {
  const text = trackedText(file)
  if (text === null) return 'missing'
  return parse(text)[variable] === value ? 'current' : 'changed'
}

/** Every file any key was written to, most recently written first: the window offers them before "Choose…". */
export function recentDotenvFiles(session: VaultSession, limit: number): string[] {
  const rows = session.sql('SELECT file_path AS file FROM usages GROUP BY file_path ORDER BY max(written_at) DESC LIMIT ?').all(limit) as { file: string }[]
  return rows.map((row) => row.file)
}

/** Whether any key was ever written to this file (a file the user picked before, in this window or the CLI). */
export function isKnownDotenvFile(session: VaultSession, file: string): boolean {
  return session.sql('SELECT 1 FROM usages WHERE file_path = ? LIMIT 1').get(file) !== undefined
}
