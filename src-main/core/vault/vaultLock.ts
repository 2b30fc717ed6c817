import Database from 'better-sqlite3-multiple-ciphers'
import { chmodSync, existsSync } from 'node:fs'
import { KeywardError } from '../errors'
import type { VaultFiles } from './vaultFiles'

/**
 * Who may have vault.db open: every opener (an unlock in the app or a CLI command, for as long as its session
 * lasts) holds this lock SHARED; a password change, and an unlock settling one a crash interrupted, hold it
 * EXCLUSIVE from before they read the header until vault.db and vault.json agree again. So no write lands in a
 * file about to be replaced, no connection shares a -wal/-shm with a re-keyed file, and no header is read halfway
 * through a change.
 *
 * The lock is SQLite's own file locking (POSIX advisory locks; LockFileEx on Windows) on `vault.lock`, a plain,
 * empty SQLite file: SQLite already coordinates connections across processes and inside one, and the operating
 * system drops a dead process's locks — so a change killed with SIGKILL never blocks the vault, and a change whose
 * process is alive is finished by nobody else. Waiting is done here, in steps that yield to the event loop, never
 * in SQLite's busy handler (which would freeze the app's main thread).
 */
export type LockMode = 'shared' | 'exclusive'

export interface LockWait {
  /** Give up (VAULT_BUSY) after this long. */
  readonly waitMs: number
  readonly sleep: (ms: number) => Promise<void>
  /** Told once, after the first second of waiting, so a terminal or window can say why nothing happens. */
  readonly onWait?: () => void
  readonly nativeBinding?: string
}

const RETRY_MS = 25
const TELL_AFTER_MS = 1000

/** How long an opener waits for a password change; a change re-seals every value, seconds for a large vault. */
export const OPENER_WAIT_MS = 60_000
/** How long a password change waits for openers to finish (a CLI command takes well under a second). */
export const CHANGER_WAIT_MS = 3_000

export function lockFile(files: VaultFiles): string {
  return `${files.database.slice(0, -'.db'.length)}.lock`
}

export class VaultLock {
  private constructor(
    private readonly connection: Database.Database,
    readonly mode: LockMode,
  ) {}

  /** Takes the lock now, or returns null when another holder prevents it. Never waits. */
  static tryTake(files: VaultFiles, mode: LockMode, nativeBinding?: string): VaultLock | null {
    const file = lockFile(files)
    const created = !existsSync(file)
    const connection = new Database(file, nativeBinding === undefined ? {} : { nativeBinding })
    try {
      if (created && process.platform !== 'win32') chmodSync(file, 0o600)
      connection.pragma('busy_timeout = 0')
      if (mode === 'exclusive') connection.exec('BEGIN EXCLUSIVE')
      else {
        connection.exec('BEGIN')
        // A read inside the open transaction takes the SHARED lock and keeps it until the transaction ends.
        connection.prepare('SELECT count(*) FROM sqlite_master').get()
      }
      return new VaultLock(connection, mode)
    } catch (error) {
      connection.close()
      if (isBusy(error)) return null
      throw error
    }
  }

  /** Ends the transaction and closes the file: the lock is gone. Safe to call twice. */
  release(): void {
    if (!this.connection.open) return
    try {
      this.connection.exec('ROLLBACK')
    } finally {
      this.connection.close()
    }
  }
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code ?? ''
  return code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED'
}

/** Takes the lock, waiting in steps up to `wait.waitMs`; VAULT_BUSY after that, saying who holds it. */
export async function takeVaultLock(files: VaultFiles, mode: LockMode, wait: LockWait): Promise<VaultLock> {
  let waited = 0
  let told = false
  for (;;) {
    const lock = VaultLock.tryTake(files, mode, wait.nativeBinding)
    if (lock !== null) return lock
    if (waited >= wait.waitMs) throw busy(mode)
    if (!told && waited >= TELL_AFTER_MS) {
      told = true
      wait.onWait?.()
    }
    await wait.sleep(RETRY_MS)
    waited += RETRY_MS
  }
}

function busy(mode: LockMode): KeywardError {
  return mode === 'shared'
    ? new KeywardError(
        'VAULT_BUSY',
        'A password change is under way in another Keyward. Try again once it has finished.',
      )
    : new KeywardError(
        'VAULT_BUSY',
        'Another Keyward (the app, or a command) has this vault open. Lock it there, then try again.',
      )
}
