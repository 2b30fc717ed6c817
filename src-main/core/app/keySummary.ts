import type { KeySummary } from '../../../src-preload/contract'
import type { KeyRecord } from '../keys/keyRecord'

/** A key record as the contract's summary: plain arrays (the response schema drops what it does not declare). */
export function summary(key: KeyRecord): KeySummary {
  return { ...key, tags: [...key.tags] }
}
