import type { Database } from 'better-sqlite3-multiple-ciphers'
import { renameSync, rmSync } from 'node:fs'
import { openDatabase, writeRekeyedCopy } from '../db/openDatabase'
import { fsyncDirectory } from '../fs/atomicWrite'
import { restoreHint } from './backups'
import { KeywardError } from '../errors'
import { recordEvent } from './audit'
import { readHeader, updateHeader, type VaultHeader } from './header'
import { calibrateKdf, explicitKdfCost, type KdfCost } from './passwordKdf'
import { newRecoveryCode } from './recoveryCode'
import { seal, unseal } from './sealing'
import { randomSecret, wipe } from './secretBuffer'
import { passwordSlot, recoverySlot } from './slots'
import { NO_FAILURES } from './throttle'
import type { VaultSession } from './VaultSession'
import type { VaultFiles } from './vaultFiles'

/**
 * Changing the master password (or recovering with the recovery code) gives the vault a NEW random database key:
 * vault.db is replaced by a copy whose every page is encrypted under it (see rekeyByCopy), and the header's slots — a new password slot and a new recovery code — wrap only the new key.
 * The old password and any old header (a backup's, say) then open nothing newer than the backups taken before
 * the change. The keys that seal values live inside the database (schema 30), behind the page key, so they need
 * no re-sealing: without the new page key no byte of the new vault.db can be read.
 *
 * Crash safety, with two files: (A) the header records the change — the new slots, and the two keys boxed under
 * each other — then (B) a re-keyed copy is renamed over vault.db, then (C) the header takes the new slots and
 * drops the record. An unlock that finds the record (a crash between A and C) opens the database with whichever
 * key it is under: the old one (the re-key never committed: the record is dropped, the old password stays) or the
 * new one (the record is finished). Either password opens the vault until then.
 */

const BUSY_MS = 1000
const rekeyAad = (header: Pick<VaultHeader, 'vaultId'>, box: 'next' | 'previous') => `${header.vaultId}:rekey-${box}`

function stronger(current: KdfCost, candidate: KdfCost): KdfCost {
  return {
    memoryKiB: Math.max(current.memoryKiB, candidate.memoryKiB),
    iterations: Math.max(current.iterations, candidate.iterations),
    parallelism: Math.max(current.parallelism, candidate.parallelism),
  }
}

function restore(db: Database): void {
  db.pragma('journal_mode = WAL')
  db.pragma('busy_timeout = 10000')
}

/**
 * Puts vault.db under `next`: a re-keyed copy is written beside it (`vault.db.rekey`, flushed) and renamed over it —
 * the file's commit point, atomic. The live file is never re-keyed in place: SQLite3 Multiple Ciphers' in-place
 * re-key, killed halfway, leaves a journal that rolls back under neither key (seen in the kill -9 test). Needs the
 * vault to itself: another open connection is VAULT_BUSY, before anything changed.
 */
function rekeyByCopy(session: VaultSession, next: Buffer): void {
  const db = session.db
  const files = session.files
  const staged = stagedCopy(files)
  rmSync(staged, { force: true })
  db.pragma(`busy_timeout = ${BUSY_MS}`)
  let mode: string
  try {
    // Leaving WAL mode needs every other connection closed: the test that nobody else has the vault open.
    mode = db.pragma('journal_mode = DELETE', { simple: true }) as string
  } catch (error) {
    if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error
    mode = 'wal'
  }
  if (mode !== 'delete') {
    restore(db)
    throw new KeywardError('VAULT_BUSY', 'Another Keyward (the app, or a command) has this vault open. Lock it there, then change the password again.')
  }
  try {
    writeRekeyedCopy(db, staged, session.databaseKey, next, session.nativeBinding)
  } catch (error) {
    rmSync(staged, { force: true })
    restore(db)
    throw error
  }
  session.replaceDatabase(next, (key) => {
    renameSync(staged, files.database)
    fsyncDirectory(files.dir)
    return openDatabase(files.database, key, { create: false, nativeBinding: session.nativeBinding, restoreHint: restoreHint(files) })
  })
}

function stagedCopy(files: VaultFiles): string {
  return `${files.database}.rekey`
}

/** The header with the recorded change applied: the new KDF and slots, no device slot, a fresh throttle. */
function finished(header: VaultHeader): VaultHeader {
  if (header.rekey === undefined) return header
  const { rekey, slots: _old, ...rest } = header
  return { ...rest, kdf: rekey.kdf, slots: { password: rekey.slots.password, recovery: rekey.slots.recovery }, throttle: NO_FAILURES }
}

function dropped(header: VaultHeader): VaultHeader {
  if (header.rekey === undefined) return header
  const { rekey: _rekey, ...rest } = header
  return rest
}

/**
 * Sets a new master password with a new database key and a new recovery code (returned, to be shown once).
 * The device slot is dropped: only the keychain could re-wrap it (the app turns it on again). KDF cost is
 * recalibrated and only ever raised, unless explicit costs are given.
 */
export async function changeMasterKey(
  session: VaultSession,
  newPassword: string,
  kdfCost?: Partial<KdfCost>,
  reason: 'password-changed' | 'recovered' = 'password-changed',
): Promise<string> {
  if (newPassword.length === 0) throw new KeywardError('INVALID_INPUT', 'The master password cannot be empty.')
  const latest = readHeader(session.files)
  if (latest.rekey !== undefined) throw new KeywardError('VAULT_BUSY', 'A password change is already under way. Unlock again to finish it.')
  const { algorithm: _algorithm, salt: _salt, ...current } = latest.kdf
  const cost = kdfCost === undefined ? stronger(current, await calibrateKdf()) : explicitKdfCost(kdfCost)
  const kdf = { algorithm: 'argon2id' as const, ...cost, salt: randomSecret(16).toString('base64') }
  const next = randomSecret(32)
  const recoveryCode = newRecoveryCode()
  try {
    const ids = { vaultId: latest.vaultId }
    const record = {
      kdf,
      slots: { password: await passwordSlot({ ...ids, kdf }, newPassword, next), recovery: recoverySlot(ids, recoveryCode, next) },
      next: seal(session.databaseKey, next, rekeyAad(ids, 'next')).toString('base64'),
      previous: seal(next, session.databaseKey, rekeyAad(ids, 'previous')).toString('base64'),
    }
    updateHeader(session.files, (header) => ({ ...header, rekey: record })) // (A)
    try {
      rekeyByCopy(session, next) // (B)
    } catch (error) {
      if (!session.isLocked) updateHeader(session.files, dropped)
      throw error
    }
    session.header = updateHeader(session.files, finished) // (C)
  } finally {
    wipe(next)
  }
  recordEvent(session, reason, {}, { kdf: cost, newRecoveryCode: true })
  return recoveryCode
}

/** Whether vault.db opens (its schema page authenticates) under `key`. */
function opensWith(files: VaultFiles, key: Buffer, nativeBinding: string | undefined): boolean {
  try {
    openDatabase(files.database, key, { create: false, nativeBinding, restoreHint: '' }).close()
    return true
  } catch {
    return false
  }
}

/**
 * Settles a password change a crash interrupted, at unlock: `key` is what the typed secret unwrapped, from the
 * current slots (`via: 'current'`) or the recorded new ones (`'rekey'`). Returns the key vault.db is under and the
 * header after finishing or dropping the record. The old key is tried first: if the re-key never committed, its
 * journal rolls back under the key it was written with.
 */
export function settleRekey(
  files: VaultFiles,
  header: VaultHeader,
  key: Buffer,
  via: 'current' | 'rekey',
  nativeBinding?: string,
): { header: VaultHeader; key: Buffer } {
  const record = header.rekey
  if (record === undefined) return { header, key }
  const previous = via === 'current' ? Buffer.from(key) : unseal(key, Buffer.from(record.previous, 'base64'), rekeyAad(header, 'previous'))
  const next = via === 'rekey' ? Buffer.from(key) : unseal(key, Buffer.from(record.next, 'base64'), rekeyAad(header, 'next'))
  wipe(key)
  if (previous === null || next === null) {
    wipe(previous ?? undefined, next ?? undefined)
    throw new KeywardError('VAULT_CORRUPT', `${files.header} records an unfinished password change whose keys do not open. Restore it from ${files.backups}.`)
  }
  if (opensWith(files, previous, nativeBinding)) {
    // The re-keyed copy never replaced vault.db: the change did not happen; its leftover copy goes.
    wipe(next)
    rmSync(stagedCopy(files), { force: true })
    return { header: updateHeader(files, dropped), key: previous }
  }
  wipe(previous)
  return { header: updateHeader(files, finished), key: next }
}
