import { KeywardError } from '../errors'
import type { VaultSession } from '../vault/VaultSession'
import type { KeyId } from './keyId'
import { idsByName, idsByProviderAndName } from './keyStore'

export interface ResolvedKey {
  readonly id: KeyId
  readonly ref: string
}

/**
 * Finds a key by `provider/name`, or by `name` alone when exactly one key has that name. The CLI's edge: commands
 * resolve a ref here once and address the core by the KeyId.
 */
export function resolveKeyRef(session: VaultSession, ref: string): ResolvedKey {
  const slash = ref.indexOf('/')
  if (slash >= 0) {
    const id = idsByProviderAndName(session, ref.slice(0, slash), ref.slice(slash + 1))
    if (id === undefined) throw new KeywardError('NOT_FOUND', `No key ${ref}.`)
    return { id, ref }
  }
  const rows = idsByName(session, ref)
  const [only] = rows
  if (only === undefined) throw new KeywardError('NOT_FOUND', `No key named ${ref}.`)
  if (rows.length > 1) {
    throw new KeywardError(
      'AMBIGUOUS',
      `${rows.length} keys are named ${ref} (${rows.map((row) => `${row.provider}/${ref}`).join(', ')}). Use provider/name.`,
    )
  }
  return { id: only.id, ref: `${only.provider}/${ref}` }
}

/** The KeyId a ref names. */
export function keyIdOf(session: VaultSession, ref: string): KeyId {
  return resolveKeyRef(session, ref).id
}
