import type { KeySummary } from '../../../src-preload/contract'
import { KeywardError } from '../errors'
import { parseKeyId, type KeyId } from '../keys/keyId'
import type { KeyRecord } from '../keys/keyRecord'

/** A key record as the contract's summary: plain arrays (the response schema drops what it does not declare). */
export function summary(key: KeyRecord): KeySummary {
  return { ...key, tags: [...key.tags] }
}

/** A key id from the window (already a UUID by the contract's schema), as the core's KeyId. */
export function idOf(raw: string): KeyId {
  const id = parseKeyId(raw)
  if (id === null) throw new KeywardError('INVALID_INPUT', 'That is not a key id.')
  return id
}
