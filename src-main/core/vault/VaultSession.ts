import type { Database, Statement } from 'better-sqlite3-multiple-ciphers'
import { vaultLocked } from '../errors'
import type { Clock } from '../ports/Clock'
import { deriveSubkey } from './sealing'
import { wipe } from './secretBuffer'
import type { VaultHeader } from './header'
import type { VaultFiles } from './vaultFiles'

/** Who acts on the vault, for the audit trail. */
export type Actor = 'cli' | 'app'

/**
 * An unlocked vault: the open database and the keys derived from the database key. `lock()` closes the database
 * and zero-fills every key buffer. Every use after that — a statement, a key, the database — throws VAULT_LOCKED,
 * so work that was still running (a provider call that returned late) can never seal a value under wiped bytes.
 * `VaultService` owns sessions and locks one only once its work has finished or been aborted.
 */
export class VaultSession {
  private readonly keys: { secret: Buffer; fingerprint: Buffer; database: Buffer }
  /** Pending-rotation records this unlock could not apply, moved aside (see pendingRotations.ts). */
  quarantinedRotations: readonly string[] = []
  private locked = false
  private readonly statements = new Map<string, Statement>()
  private readonly database: Database

  constructor(
    readonly files: VaultFiles,
    public header: VaultHeader,
    db: Database,
    /** Kept while unlocked so slots can be re-wrapped (password change, device unlock). */
    databaseKey: Buffer,
    readonly clock: Clock,
    readonly actor: Actor,
  ) {
    this.database = db
    this.keys = {
      secret: deriveSubkey(databaseKey, 'secret-values'),
      fingerprint: deriveSubkey(databaseKey, 'value-fingerprints'),
      database: databaseKey,
    }
  }

  private usable(): void {
    if (this.locked) throw vaultLocked()
  }

  /** Seals secret values inside the database (AES-256-GCM, AAD = the secret row id). */
  get secretKey(): Buffer {
    this.usable()
    return this.keys.secret
  }

  /** Keys the HMAC fingerprints used to find duplicate values without decrypting. */
  get fingerprintKey(): Buffer {
    this.usable()
    return this.keys.fingerprint
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
      wipe(this.keys.secret, this.keys.fingerprint, this.keys.database)
    }
  }
}
