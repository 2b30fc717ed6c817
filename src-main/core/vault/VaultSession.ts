import type { Database, Statement } from 'better-sqlite3-multiple-ciphers'
import type { Clock } from '../ports/Clock'
import { deriveSubkey } from './sealing'
import { wipe } from './secretBuffer'
import type { VaultHeader } from './header'
import type { VaultFiles } from './vaultFiles'

/** Who acts on the vault, for the audit trail. */
export type Actor = 'cli' | 'app'

/**
 * An unlocked vault: the open database and the keys derived from the database key. `lock()` closes the database
 * and zero-fills every key buffer; nothing may use the session afterwards.
 */
export class VaultSession {
  /** Seals secret values inside the database (AES-256-GCM, AAD = the secret row id). */
  readonly secretKey: Buffer
  /** Keys the HMAC fingerprints used to find duplicate values without decrypting. */
  readonly fingerprintKey: Buffer
  private locked = false
  private readonly statements = new Map<string, Statement>()

  constructor(
    readonly files: VaultFiles,
    public header: VaultHeader,
    readonly db: Database,
    /** Kept while unlocked so slots can be re-wrapped (password change, device unlock). */
    readonly databaseKey: Buffer,
    readonly clock: Clock,
    readonly actor: Actor,
  ) {
    this.secretKey = deriveSubkey(databaseKey, 'secret-values')
    this.fingerprintKey = deriveSubkey(databaseKey, 'value-fingerprints')
  }

  /** A prepared statement, prepared once per session: preparing costs more than running most of ours. */
  sql(text: string): Statement {
    let statement = this.statements.get(text)
    if (statement === undefined) {
      statement = this.db.prepare(text)
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
      if (this.db.open) this.db.close()
    } finally {
      wipe(this.secretKey, this.fingerprintKey, this.databaseKey)
    }
  }
}
