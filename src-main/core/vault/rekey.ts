import type { Database } from 'better-sqlite3-multiple-ciphers'
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import path from 'node:path'
import { openDatabase, writeRekeyedCopy } from '../db/openDatabase'
import { fsyncDirectory } from '../fs/atomicWrite'
import { restoreHint } from './backups'
import { KeywardError } from '../errors'
import { recordEvent } from './audit'
import { resealValues } from './resealValues'
import { readHeader, sameKeyHeader, updateHeader, type VaultHeader } from './header'
import { calibrateKdf, explicitKdfCost, type KdfCost } from './passwordKdf'
import { newRecoveryCode } from './recoveryCode'
import { seal, unseal } from './sealing'
import { randomSecret, wipe } from '../security/secretBuffer'
import { passwordSlot, recoverySlot } from './slots'
import { NO_FAILURES } from './throttle'
import type { VaultSession } from './VaultSession'
import type { VaultFiles } from './vaultFiles'

/**
 * Changing the master password (or recovering with the recovery code) gives the vault a NEW random database key:
 * vault.db is replaced by a copy whose every page is encrypted under it (see rekeyByCopy), every value in it
 * re-sealed and re-fingerprinted under new value keys, and the header's slots — a new password slot and a new
 * recovery code — wrap only the new key. The old password and any old header (a backup's, say) then open nothing
 * newer than the backups taken before the change, and nothing sealed after it.
 *
 * Exclusive from start to finish: the change holds the vault lock EXCLUSIVE (vaultLock.ts) from before it reads
 * the header until the header and vault.db agree again, so no other opener — a CLI command, the app's unlock or
 * its worker, a backup — has vault.db open or reads the header in between; they wait, or get VAULT_BUSY.
 *
 * Crash safety, with two files: (A) the header records the change — the new slots, the two keys boxed under each
 * other, the next generation — then (B) a re-keyed copy is renamed over vault.db, then (C) the header takes the
 * new slots and drops the record. An unlock that finds the record (the owner died between A and C: its lock is
 * gone with it) takes the lock exclusive and settles: the old key still opens vault.db → the change never
 * happened (dropped); otherwise it is finished, and its recovery code — never shown — is replaced by one that is.
 */

const BUSY_MS = 1000
const rekeyAad = (header: Pick<VaultHeader, 'vaultId'>, box: 'next' | 'previous') => `${header.vaultId}:rekey-${box}`

function restore(db: Database): void {
  db.pragma('journal_mode = WAL')
  db.pragma('busy_timeout = 10000')
}

/** Leaves WAL mode, which needs every other connection to vault.db closed: the vault lock's second guard. */
function leaveWal(db: Database): void {
  db.pragma(`busy_timeout = ${BUSY_MS}`)
  let mode: string
  try {
    mode = db.pragma('journal_mode = DELETE', { simple: true }) as string
  } catch (error) {
    if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error
    mode = 'wal'
  }
  if (mode !== 'delete') {
    restore(db)
    throw new KeywardError(
      'VAULT_BUSY',
      'Another Keyward (the app, or a command) has this vault open. Lock it there, then change the password again.',
    )
  }
}

/**
 * vault.db's -wal and -shm belong to the file about to be replaced: a re-keyed file must never meet them (SQLite
 * would read another file's pages into it). Out of WAL mode and alone, there are none with content; a leftover
 * empty one goes, one with content means someone else wrote and the change stops.
 */
function clearSidecars(files: VaultFiles): void {
  for (const sidecar of [`${files.database}-wal`, `${files.database}-shm`]) {
    if (!existsSync(sidecar)) continue
    if (sidecar.endsWith('-wal') && statSync(sidecar).size > 0) {
      throw new KeywardError(
        'VAULT_BUSY',
        'Another Keyward wrote to this vault while the password was being changed. Nothing was changed; try again.',
      )
    }
    rmSync(sidecar, { force: true })
  }
}

/**
 * Puts vault.db under `next`: a re-keyed copy is written beside it (`vault.db.rekey`, owner-only, every value
 * re-sealed under new value keys, the new generation inside, flushed) and renamed over it — the file's commit
 * point, atomic. The live file is never re-keyed in place: SQLite3 Multiple Ciphers' in-place re-key, killed
 * halfway, leaves a journal that rolls back under neither key (seen in the kill -9 test).
 */
function rekeyByCopy(session: VaultSession, next: Buffer, generation: number): void {
  const files = session.files
  const staged = stagedCopy(files)
  rmSync(staged, { force: true })
  // A connection with an empty page cache: this one lived through other processes' commits while it waited.
  session.reconnect((key) =>
    openDatabase(files.database, key, {
      create: false,
      nativeBinding: session.nativeBinding,
      restoreHint: restoreHint(files),
    }),
  )
  const db = session.db
  leaveWal(db)
  const fresh = { secret: randomSecret(32), fingerprint: randomSecret(32) }
  try {
    writeRekeyedCopy(db, staged, session.databaseKey, next, session.nativeBinding, (copy) => {
      resealValues(copy, { secret: session.secretKey, fingerprint: session.fingerprintKey }, fresh)
      copy
        .prepare(
          "INSERT INTO vault_state (name, value) VALUES ('generation', ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
        )
        .run(generation)
    })
    clearSidecars(files)
  } catch (error) {
    rmSync(staged, { force: true })
    restore(db)
    throw error
  } finally {
    wipe(fresh.secret, fresh.fingerprint)
  }
  session.replaceDatabase(next, (key) => {
    renameSync(staged, files.database)
    fsyncDirectory(files.dir)
    return openDatabase(files.database, key, {
      create: false,
      nativeBinding: session.nativeBinding,
      restoreHint: restoreHint(files),
    })
  })
  session.loadValueKeys()
}

function stagedCopy(files: VaultFiles): string {
  return `${files.database}.rekey`
}

/**
 * The header with the recorded change applied: the new KDF, slots and generation, no device slot, a fresh
 * throttle. Finished by an unlock after a crash (`unseen`), its recovery code was never shown.
 */
function finished(header: VaultHeader, unseen: boolean): VaultHeader {
  if (header.rekey === undefined) return header
  const { rekey, slots: _old, recoveryCodeUnseen: _unseen, ...rest } = header
  return {
    ...rest,
    kdf: rekey.kdf,
    slots: { password: rekey.slots.password, recovery: rekey.slots.recovery },
    throttle: NO_FAILURES,
    ...(rekey.generation === undefined ? {} : { generation: rekey.generation }),
    ...(unseen ? { recoveryCodeUnseen: true as const } : {}),
  }
}

function dropped(header: VaultHeader): VaultHeader {
  if (header.rekey === undefined) return header
  const { rekey: _rekey, ...rest } = header
  return rest
}

/** A rotation's new value waiting in its sealed file is sealed under the value keys this change replaces. */
function refuseWhileRotationPending(session: VaultSession): void {
  const dir = path.join(session.files.dir, 'pending-rotations')
  if (!existsSync(dir) || !readdirSync(dir).some((file) => file.endsWith('.json'))) return
  throw new KeywardError(
    'VAULT_BUSY',
    'A key rotation is waiting for its new key to be stored. Finish that rotation first, then change the password.',
  )
}

/** The header now must be the one this session opened with: no change recorded, none finished since. */
function sameVault(session: VaultSession, latest: VaultHeader): void {
  if (sameKeyHeader(session.header, latest)) return
  throw new KeywardError(
    'VAULT_BUSY',
    'The master password was changed by another Keyward since this vault was unlocked. Unlock again, then retry.',
  )
}

/**
 * Sets a new master password with a new database key and a new recovery code (returned, to be shown once).
 * The device slot is dropped: only the keychain could re-wrap it (the app turns it on again). The KDF cost is
 * calibrated again for this machine (within DESIGN's 64–256 MiB), unless explicit costs are given.
 */
export async function changeMasterKey(
  session: VaultSession,
  newPassword: string,
  kdfCost?: Partial<KdfCost>,
  reason: 'password-changed' | 'recovered' = 'password-changed',
): Promise<string> {
  if (newPassword.length === 0) throw new KeywardError('INVALID_INPUT', 'The master password cannot be empty.')
  refuseWhileRotationPending(session)
  const cost = kdfCost === undefined ? await calibrateKdf() : explicitKdfCost(kdfCost)
  const kdf = { algorithm: 'argon2id' as const, ...cost, salt: randomSecret(16).toString('base64') }
  const next = randomSecret(32)
  const recoveryCode = newRecoveryCode()
  const ids = { vaultId: session.header.vaultId }
  const slots = {
    password: await passwordSlot({ ...ids, kdf }, newPassword, next),
    recovery: recoverySlot(ids, recoveryCode, next),
  }
  try {
    await session.switchLock('exclusive')
    try {
      const latest = readHeader(session.files)
      sameVault(session, latest)
      const generation = (latest.generation ?? 0) + 1
      const record = {
        kdf,
        slots,
        next: seal(session.databaseKey, next, rekeyAad(ids, 'next')).toString('base64'),
        previous: seal(next, session.databaseKey, rekeyAad(ids, 'previous')).toString('base64'),
        generation,
      }
      updateHeader(session.files, (header) => ({ ...header, rekey: record })) // (A)
      try {
        rekeyByCopy(session, next, generation) // (B)
      } catch (error) {
        // Not yet renamed: the change never happened. Renamed but not reopened: the session locked itself, and the
        // record stays for the next unlock to finish.
        if (!session.isLocked) updateHeader(session.files, dropped)
        throw error
      }
      session.header = updateHeader(session.files, (header) => finished(header, false)) // (C)
    } finally {
      if (!session.isLocked) await session.switchLock('shared')
    }
  } finally {
    wipe(next)
  }
  recordEvent(session, reason, {}, { kdf: cost, newRecoveryCode: true, generation: session.header.generation ?? 0 })
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

/** What settling found: the header and the key vault.db is under now, and what became of a recorded change. */
export interface Settled {
  readonly header: VaultHeader
  readonly key: Buffer
  readonly outcome: 'none' | 'finished' | 'dropped'
}

/**
 * Settles a password change a crash interrupted, at unlock, holding the vault lock exclusive: `key` is what the
 * typed secret unwrapped, from the current slots (`via: 'current'`) or the recorded new ones (`'rekey'`). The old
 * key is tried first: if the re-key never committed, the change is dropped — and when it was the NEW password or
 * code that was typed, the unlock stops and says so, instead of letting it work this once and never again.
 */
export function settleRekey(
  files: VaultFiles,
  header: VaultHeader,
  key: Buffer,
  via: 'current' | 'rekey',
  nativeBinding?: string,
): Settled {
  const record = header.rekey
  if (record === undefined) return { header, key, outcome: 'none' }
  const previous =
    via === 'current'
      ? Buffer.from(key)
      : unseal(key, Buffer.from(record.previous, 'base64'), rekeyAad(header, 'previous'))
  const next =
    via === 'rekey' ? Buffer.from(key) : unseal(key, Buffer.from(record.next, 'base64'), rekeyAad(header, 'next'))
  wipe(key)
  if (previous === null || next === null) {
    wipe(previous ?? undefined, next ?? undefined)
    throw new KeywardError(
      'VAULT_CORRUPT',
      `${files.header} records an unfinished password change whose keys do not open. Restore it from ${files.backups}.`,
    )
  }
  rmSync(stagedCopy(files), { force: true })
  if (opensWith(files, previous, nativeBinding)) {
    wipe(next)
    const settled = updateHeader(files, dropped)
    if (via === 'current') return { header: settled, key: previous, outcome: 'dropped' }
    wipe(previous)
    throw new KeywardError(
      'WRONG_PASSWORD',
      'A password change on this vault was interrupted before it took effect, so the new password (and the recovery code shown with it) were never set. Unlock with the password you had before; change it again afterwards if you like.',
    )
  }
  wipe(previous)
  return { header: updateHeader(files, (latest) => finished(latest, true)), key: next, outcome: 'finished' }
}

/**
 * A new recovery code for an unlocked vault (the old one stops working at once), returned to be shown once: after
 * an unlock finished an interrupted password change, whose own code was never shown.
 */
export function issueRecoveryCode(session: VaultSession): string {
  const code = newRecoveryCode()
  const slot = recoverySlot({ vaultId: session.header.vaultId }, code, session.databaseKey)
  session.header = updateHeader(session.files, (latest) => {
    const { recoveryCodeUnseen: _unseen, ...rest } = latest
    return { ...rest, slots: { ...rest.slots, recovery: slot } }
  })
  recordEvent(session, 'recovery-code-issued', {}, {})
  return code
}
