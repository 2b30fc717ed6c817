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
