import Database from 'better-sqlite3-multiple-ciphers'
import { chmodSync, existsSync, statSync } from 'node:fs'
import { KeywardError } from '../errors'
import { wipe } from '../vault/secretBuffer'

export interface OpenOptions {
  /** True only while creating a vault: then the file may not exist yet. */
  readonly create: boolean
  /** The SQLCipher driver built for this process's ABI (the desktop app), else the default build. */
  readonly nativeBinding?: string
  /** Text for VAULT_CORRUPT messages: where the user can restore from. */
  readonly restoreHint: string
}

const HEX = '0123456789abcdef'

/**
 * `x'<64 hex digits>'`: SQLCipher's raw-key form, so no second PBKDF2 runs. Built byte by byte into a buffer we
 * wipe afterwards: a JS string of the key could not be wiped.
 */
function rawKeyLiteral(key: Uint8Array): Buffer {
  const literal = Buffer.alloc(key.length * 2 + 3)
  literal[0] = 0x78 // x
  literal[1] = 0x27 // '
  key.forEach((byte, i) => {
    literal[2 + i * 2] = HEX.charCodeAt(byte >> 4)
    literal[3 + i * 2] = HEX.charCodeAt(byte & 15)
  })
  literal[literal.length - 1] = 0x27
  return literal
}

function corrupt(file: string, what: string, restoreHint: string): KeywardError {
  return new KeywardError('VAULT_CORRUPT', `${file} ${what}. ${restoreHint}`)
}

/**
 * Opens vault.db in SQLCipher 4 format with the raw database key: WAL, synchronous=FULL, a busy timeout so the app
 * and the CLI can share it, foreign keys on, and a full integrity check. A missing, empty, truncated or damaged file
 * is VAULT_CORRUPT (never a silently empty vault).
 */
export function openDatabase(file: string, key: Uint8Array, options: OpenOptions): Database.Database {
  if (!options.create && (!existsSync(file) || statSync(file).size === 0)) {
    throw corrupt(file, 'is missing or empty although vault.json exists', options.restoreHint)
  }
  const db = new Database(file, {
    fileMustExist: !options.create,
    ...(options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding }),
  })
  try {
    // Owner-only, before the WAL and shared-memory files exist: SQLite gives them the database file's mode.
    if (options.create && process.platform !== 'win32') chmodSync(file, 0o600)
    db.pragma(`cipher = 'sqlcipher'`)
    db.pragma('legacy = 4')
    const literal = rawKeyLiteral(key)
    try {
      db.key(literal)
    } finally {
      wipe(literal)
    }
    db.pragma('busy_timeout = 10000')
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = FULL')
    db.pragma('foreign_keys = ON')
    // Deleted rows (retired ciphertexts, removed keys) are overwritten, not left in free pages.
    db.pragma('secure_delete = ON')
    const check = db.pragma('integrity_check') as { integrity_check: string }[]
    if (check.length !== 1 || check[0]?.integrity_check !== 'ok') {
      throw corrupt(file, `failed its integrity check (${check[0]?.integrity_check ?? 'no result'})`, options.restoreHint)
    }
    return db
  } catch (error) {
    db.close()
    if (error instanceof KeywardError) throw error
    const code = (error as { code?: string }).code
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || code === 'SQLITE_CORRUPT_VTAB') {
      throw corrupt(file, 'is damaged or truncated', options.restoreHint)
    }
    throw error
  }
}
