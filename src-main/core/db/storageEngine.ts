import Database from 'better-sqlite3-multiple-ciphers'
import type { AppInfo } from '../../../src-preload/contract'

/**
 * Loads the SQLCipher driver (from `nativeBinding` when given) and reports its versions, or why it could not be
 * loaded: the About screen shows it, and it proves the app loads the build made for its own ABI.
 */
export function probeStorageEngine(nativeBinding: string | undefined): AppInfo['storage'] {
  try {
    const db = new Database(':memory:', nativeBinding === undefined ? {} : { nativeBinding })
    try {
      const row = db.prepare('SELECT sqlite_version() AS sqlite, sqlite3mc_version() AS cipher').get() as {
        sqlite: string
        cipher: string
      }
      return { ok: true, sqlite: row.sqlite, cipher: row.cipher }
    } finally {
      db.close()
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
    return { ok: false, message: `The encrypted storage engine could not be loaded: ${reason}` }
  }
}
