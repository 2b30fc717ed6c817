import type { Database } from 'better-sqlite3-multiple-ciphers'

/** One schema step. Append-only: a landed migration is never edited; each has its own test. */
export interface Migration {
  /** 10, 20, 30 … stored in `PRAGMA user_version` once applied. */
  readonly version: number
  readonly name: string
  up(db: Database): void
}
