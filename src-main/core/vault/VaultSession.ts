import type { Database, Statement } from 'better-sqlite3-multiple-ciphers'
import { vaultLocked } from '../errors'
import type { Clock } from '../ports/Clock'
import { deriveSubkey } from './sealing'
import { wipe } from '../security/secretBuffer'
import type { VaultHeader } from './header'
import type { Rollback } from './seenVaults'
import type { VaultFiles } from './vaultFiles'
import { takeVaultLock, type LockMode, type LockWait, type VaultLock } from './vaultLock'

/** Who acts on the vault, for the audit trail. */
export type Actor = 'cli' | 'app'

/** A process the agent serves, as the system reports it: the audit trail's actor and detail for its requests. */
export interface Caller {
  readonly actor: string
  readonly detail: Readonly<Record<string, unknown>>
}

/**
 * An unlocked vault: the open database and the keys derived from the database key. `lock()` closes the database
 * and zero-fills every key buffer. Every use after that — a statement, a key, the database — throws VAULT_LOCKED,
 * so work that was still running (a provider call that returned late) can never seal a value under wiped bytes.
 * `VaultService` owns sessions and locks one only once its work has finished or been aborted.
 */
export class VaultSession {
  private readonly keys: { secret: Buffer | null; fingerprint: Buffer | null; database: Buffer }
  /** Pending-rotation records this unlock could not apply, moved aside (see pendingRotations.ts). */
  quarantinedRotations: readonly string[] = []
  private locked = false
  /** How this process waits when the session trades its vault lock (set with the lock; see openSession). */
  private lockWaits: Readonly<Record<LockMode, LockWait>> | null = null
  /**
   * Set by the unlock that settled a password change a crash had interrupted: whether it had taken effect
   * ('finished') or not ('dropped'), and which secret was typed — the surfaces say so out loud.
   */
  settledChange: { readonly outcome: 'finished' | 'dropped'; readonly typed: 'current' | 'rekey' } | null = null
  /** Set by an unlock that found the vault older than this device last saw it (seenVaults.ts). */
  rollback: Rollback | null = null
  /** The vault lock this session holds (vaultLock.ts): shared while open, exclusive during a password change. */
  private vaultLock: VaultLock | null = null
  private readonly statements = new Map<string, Statement>()
  private database: Database
  /** Who the agent is working for, while it does (audit rows name that caller, not this process). */
  private caller: Caller | null = null

  constructor(
    readonly files: VaultFiles,
    public header: VaultHeader,
    db: Database,
    /** Kept while unlocked so slots can be re-wrapped (password change, device unlock). */
    databaseKey: Buffer,
    readonly clock: Clock,
    readonly actor: Actor,
    /** The SQLCipher driver this process loads (the app's Electron build), for connections opened later. */
    readonly nativeBinding?: string,
  ) {
    this.database = db
    this.keys = { secret: null, fingerprint: null, database: databaseKey }
  }

  /**
   * Runs synchronous work on behalf of an agent caller: every audit row it writes names the caller. Synchronous
   * only, so no other unit of work can write in between and be attributed to it.
   */
  actingFor<T>(caller: Caller, work: () => T): T {
    this.caller = caller
    try {
      return work()
    } finally {
      this.caller = null
    }
  }

  /** The actor and extra detail for an audit row written now. */
  get auditActor(): Caller {
    return this.caller ?? { actor: this.actor, detail: {} }
  }

  /**
   * Loads the value-sealing and fingerprint keys from `value_keys` (schema 30), once the schema is current. A vault
   * that has none yet (created or last opened before schema 30) stores the keys it has been deriving from the
   * database key, so its sealed values stay readable; from then on they no longer depend on the database key.
   */
  loadValueKeys(): void {
    this.usable()
    const rows = this.database.prepare('SELECT purpose, key FROM value_keys').all() as {
      purpose: string
      key: Buffer
    }[]
    const stored = new Map(rows.map((row) => [row.purpose, row.key]))
    const purposes = ['secret-values', 'value-fingerprints'] as const
    if (purposes.some((purpose) => !stored.has(purpose))) {
      const insert = this.database.prepare('INSERT OR IGNORE INTO value_keys (purpose, key) VALUES (?, ?)')
      this.database
        .transaction(() => {
          for (const purpose of purposes) {
            const derived = deriveSubkey(this.keys.database, purpose)
            insert.run(purpose, derived)
            wipe(derived)
          }
        })
        .immediate()
      return this.loadValueKeys()
    }
    wipe(this.keys.secret ?? undefined, this.keys.fingerprint ?? undefined)
    this.keys.secret = Buffer.from(stored.get('secret-values') ?? Buffer.alloc(0))
    this.keys.fingerprint = Buffer.from(stored.get('value-fingerprints') ?? Buffer.alloc(0))
    for (const key of stored.values()) wipe(key)
  }

  /**
   * After a re-key (rekey.ts): `open` connects to the re-keyed vault.db under `next`; the old connection is closed
   * and the old database key wiped. If opening fails the session locks: it must never go on with a stale key.
   */
  replaceDatabase(next: Buffer, open: (key: Buffer) => Database): void {
    this.usable()
    this.statements.clear()
    this.database.close()
    try {
      this.database = open(next)
    } catch (error) {
      this.lock()
      throw error
    }
    wipe(this.keys.database)
    next.copy(this.keys.database)
  }

  /**
   * Closes the connection and opens a new one with the same key: its page cache starts empty. A password change
   * does this once it holds the vault to itself — while it waited, other processes committed through the WAL,
   * and a connection that lived through that kept pages that, read by VACUUM INTO beside fresh ones, made a copy
   * whose table and indexes disagreed (found by the soak).
   */
  reconnect(open: (key: Buffer) => Database): void {
    this.usable()
    this.statements.clear()
    this.database.close()
    try {
      this.database = open(this.keys.database)
    } catch (error) {
      this.lock()
      throw error
    }
  }

  /** Takes over `lock`, held until this session locks, and how to wait when it is traded (`switchLock`). */
  adoptLock(lock: VaultLock, waits: Readonly<Record<LockMode, LockWait>>): void {
    this.vaultLock?.release()
    this.vaultLock = lock
    this.lockWaits = waits
  }

  /**
   * Trades the vault lock for one in `mode` (a password change: shared → exclusive, and back). The old one is let
   * go first — SQLite cannot turn a shared lock into a held exclusive one — so whoever called must re-read the
   * header afterwards. If even the way back to a shared lock fails, the session locks: it must not go on unguarded.
   */
  async switchLock(mode: LockMode): Promise<void> {
    this.usable()
    const waits = this.lockWaits
    if (waits === null) throw new Error('switchLock before the session knows how to wait')
    const previous = this.vaultLock?.mode ?? 'shared'
    this.vaultLock?.release()
    this.vaultLock = null
    try {
      this.vaultLock = await takeVaultLock(this.files, mode, waits[mode])
    } catch (error) {
      try {
        this.vaultLock = await takeVaultLock(this.files, previous, waits[previous])
      } catch {
        this.lock()
      }
      throw error
    }
  }

  private valueKey(key: Buffer | null): Buffer {
    this.usable()
    if (key === null) throw new Error('value keys read before loadValueKeys()')
    return key
  }

  private usable(): void {
    if (this.locked) throw vaultLocked()
  }

  /** Seals secret values inside the database (AES-256-GCM, AAD = the secret row id). */
  get secretKey(): Buffer {
    return this.valueKey(this.keys.secret)
  }

  /** Keys the HMAC fingerprints used to find duplicate values without decrypting. */
  get fingerprintKey(): Buffer {
    return this.valueKey(this.keys.fingerprint)
  }

  get databaseKey(): Buffer {
    this.usable()
    return this.keys.database
  }

  get db(): Database {
    this.usable()
    return this.database
  }

  /** A prepared statement, prepared once per session: preparing costs more than running most of ours. */
  sql(text: string): Statement {
    this.usable()
    let statement = this.statements.get(text)
    if (statement === undefined) {
      statement = this.database.prepare(text)
      this.statements.set(text, statement)
    }
    return statement
  }

  get isLocked(): boolean {
    return this.locked
  }

  lock(): void {
    if (this.locked) return
    this.locked = true
    this.statements.clear()
    try {
      if (this.database.open) this.database.close()
    } finally {
      wipe(this.keys.secret ?? undefined, this.keys.fingerprint ?? undefined, this.keys.database)
      // Only after vault.db is closed: a password change may start the moment this lets go.
      this.vaultLock?.release()
      this.vaultLock = null
    }
  }
}
