import type { KeySummary } from '../../../../src-preload/contract'

/** Which dialog the keys page shows over the list (one at a time). */
export type Dialog =
  | { kind: 'add'; value?: string }
  | { kind: 'verify-all' }
  | { kind: 'import-env' }
  | { kind: 'write-env'; key: KeySummary | null }
  | { kind: 'reveal' | 'delete' | 'edit' | 'replace'; key: KeySummary }
  | null
