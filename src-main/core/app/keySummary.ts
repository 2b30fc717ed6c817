import type { KeySummary } from '../../../src-preload/contract'
import { KeywardError } from '../errors'
import { parseKeyId, type KeyId } from '../keys/keyId'
import type { KeyRecord } from '../keys/keyRecord'
import { keyStateOf } from '../keys/keyState'
import { remindBeforeDefault } from '../vault/settings'
import type { VaultSession } from '../vault/VaultSession'

/**
 * Key records as the contract's summaries, with each key's state (keyState) (today, under the vault's remind-before
 * setting); plain arrays. The response schema drops what it does not declare.
 */
export function summarize(session: VaultSession): (key: KeyRecord) => KeySummary {
  const now = session.clock.now()
  const window = remindBeforeDefault(session)
  return (key) => {
    return { ...key, tags: [...key.tags], state: keyStateOf(key, now, window) }
  }
}

/** A key id from the window (already a UUID by the contract's schema), as the core's KeyId. */
export function idOf(raw: string): KeyId {
  const id = parseKeyId(raw)
  if (id === null) throw new KeywardError('INVALID_INPUT', 'That is not a key id.')
  return id
}
