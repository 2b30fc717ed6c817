import Database from 'better-sqlite3-multiple-ciphers'
import { chmodSync, closeSync, existsSync, fsyncSync, openSync, statSync } from 'node:fs'
import { KeywardError } from '../errors'
import { wipe } from '../security/secretBuffer'

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
export function rawKeyLiteral(key: Uint8Array): Buffer {
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

const CORRUPTION_CODES = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT', 'SQLITE_CORRUPT_VTAB', 'SQLITE_IOERR_SHORT_READ'])

/** True for the driver errors that mean the file is damaged (SQLCipher authenticates every page it reads). */
export function isCorruption(error: unknown): boolean {
  return CORRUPTION_CODES.has((error as { code?: string } | null)?.code ?? '')
}

/**
 * The full `PRAGMA integrity_check`: reads and authenticates every page and checks every b-tree. It costs about
 * 60 ms per 10k keys, so it runs before each daily backup (never back up a damaged file over good ones), before
 * migrations, and in `keyward doctor` / `keyward backup` — not on every open.
 */
export function checkIntegrity(db: Database.Database, file: string, restoreHint: string): void {
  let result: string[]
  try {
    result = (db.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check)
  } catch (error) {
    if (isCorruption(error)) throw corrupt(file, 'is damaged or truncated', restoreHint)
    throw error
  }
  if (result.length !== 1 || result[0] !== 'ok')
    throw corrupt(file, `failed its integrity check (${result[0] ?? 'no result'})`, restoreHint)
}

/** A connection to `file` through the driver this process loads (the app's Electron build, else the default). */
function connect(file: string, mustExist: boolean, nativeBinding: string | undefined): Database.Database {
  return new Database(file, { fileMustExist: mustExist, ...(nativeBinding === undefined ? {} : { nativeBinding }) })
}

/**
 * Keys (or re-keys) a connection in SQLCipher 4 format with a raw key: the literal is built in a buffer that is
 * wiped right after, never a JS string.
 */
function applyKey(db: Database.Database, key: Uint8Array, how: 'key' | 'rekey'): void {
  if (how === 'key') {
    db.pragma(`cipher = 'sqlcipher'`)
    db.pragma('legacy = 4')
  }
  const literal = rawKeyLiteral(key)
  try {
    if (how === 'key') db.key(literal)
    else db.rekey(literal)
  } finally {
    wipe(literal)
  }
}

/**
 * Opens vault.db in SQLCipher 4 format with the raw database key: WAL, synchronous=FULL, a busy timeout so the app
 * and the CLI can share it, foreign keys on. Reading the schema authenticates its pages, so a missing, empty,
 * truncated or foreign file is VAULT_CORRUPT here (never a silently empty vault); damage elsewhere surfaces as
 * VAULT_CORRUPT when a page is read, and in the daily full check.
 */
export function openDatabase(file: string, key: Uint8Array, options: OpenOptions): Database.Database {
  if (!options.create && (!existsSync(file) || statSync(file).size === 0)) {
    throw corrupt(file, 'is missing or empty although vault.json exists', options.restoreHint)
  }
  const db = connect(file, !options.create, options.nativeBinding)
  try {
    // Owner-only, before the WAL and shared-memory files exist: SQLite gives them the database file's mode.
    if (options.create && process.platform !== 'win32') chmodSync(file, 0o600)
    applyKey(db, key, 'key')
    db.pragma('busy_timeout = 10000')
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = FULL')
    db.pragma('foreign_keys = ON')
    // Deleted rows (retired ciphertexts, removed keys) are overwritten, not left in free pages.
    db.pragma('secure_delete = ON')
    // 64 MiB of decrypted pages: SQLCipher decrypts and authenticates every page it reads into the cache.
    db.pragma('cache_size = -65536')
    db.prepare('SELECT count(*) FROM sqlite_master').get()
    return db
  } catch (error) {
    db.close()
    if (error instanceof KeywardError) throw error
    if (isCorruption(error)) throw corrupt(file, 'is damaged or truncated', options.restoreHint)
    throw error
  }
}

/** A file name as an SQL string literal. */
export function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`
}

/**
 * Writes a copy of `db` to `target` encrypted under `newKey`: `VACUUM INTO` (a consistent snapshot, still under the
 * current key; owner-only at once, whatever the umask), then the copy is re-keyed in place, in rollback-journal
 * mode, `change` runs on it (in its own transactions), and it is flushed to disk. Nothing touches `db`'s own file:
 * a crash at any point leaves the original as it was and a copy that is simply thrown away.
 */
export function writeRekeyedCopy(
  db: Database.Database,
  target: string,
  currentKey: Uint8Array,
  newKey: Uint8Array,
  nativeBinding: string | undefined,
  change: (copy: Database.Database) => void,
): void {
  db.exec(`VACUUM INTO ${sqlString(target)}`)
  if (process.platform !== 'win32') chmodSync(target, 0o600)
  const copy = connect(target, true, nativeBinding)
  try {
    applyKey(copy, currentKey, 'key')
    // SQLite3 Multiple Ciphers re-keys only outside WAL mode.
    copy.pragma('journal_mode = DELETE')
    applyKey(copy, newKey, 'rekey')
    copy.pragma('synchronous = FULL')
    change(copy)
    copy.prepare('SELECT count(*) FROM sqlite_master').get()
  } finally {
    copy.close()
  }
  const fd = openSync(target, 'r+')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}
