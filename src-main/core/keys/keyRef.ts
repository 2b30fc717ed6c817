import { KeywardError } from '../errors'
import type { VaultSession } from '../vault/VaultSession'

export interface ResolvedKey {
  readonly id: string
  readonly ref: string
}

/** Finds a key by `provider/name`, or by `name` alone when exactly one key has that name. */
export function resolveKeyRef(session: VaultSession, ref: string): ResolvedKey {
  const slash = ref.indexOf('/')
  if (slash >= 0) {
    const provider = ref.slice(0, slash)
    const name = ref.slice(slash + 1)
    const row = session.sql('SELECT id FROM keys WHERE provider = ? AND name = ?').get(provider, name) as { id: string } | undefined
    if (row === undefined) throw new KeywardError('NOT_FOUND', `No key ${ref}. See: keyward list`)
    return { id: row.id, ref }
  }
  const rows = session.sql('SELECT id, provider FROM keys WHERE name = ? ORDER BY provider').all(ref) as { id: string; provider: string }[]
  const [only] = rows
  if (only === undefined) throw new KeywardError('NOT_FOUND', `No key named ${ref}. See: keyward list`)
  if (rows.length > 1) {
    throw new KeywardError('AMBIGUOUS', `${rows.length} keys are named ${ref} (${rows.map((row) => `${row.provider}/${ref}`).join(', ')}). Use provider/name.`)
  }
  return { id: only.id, ref: `${only.provider}/${ref}` }
}
