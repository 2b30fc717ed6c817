import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import path from 'node:path'
import { writeFileAtomic } from '../fs/atomicWrite'
import { KeywardError } from '../errors'
import { parseKeyId, type KeyId } from '../keys/keyId'
import { setKeyValue } from '../keys/keyRepository'
import { currentValueSince } from '../keys/keyStore'
import { recordEvent } from '../vault/audit'
import { seal, unsealOrCorrupt } from '../vault/sealing'
import type { VaultSession } from '../vault/VaultSession'

/**
 * A new value received from a provider that rotated by API (and so already invalidated the old one), written
 * sealed to its own file before the database is touched: if storing it fails or the process dies, the next unlock
 * applies it. Keyward is never left holding only a dead key.
 */
interface PendingRotation {
  readonly keyId: string
  readonly receivedAt: string
  /** The new value, sealed; the file names no key (only its id), like everything outside the database. */
  readonly sealed: string
}

function pendingDir(session: VaultSession): string {
  return path.join(session.files.dir, 'pending-rotations')
}

function aad(keyId: string): string {
  return `pending-rotation:${keyId}`
}

export function writePendingRotation(session: VaultSession, keyId: KeyId, value: string): string {
  const dir = pendingDir(session)
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  const file = pendingFile(session, keyId)
  const record: PendingRotation = {
    keyId,
    receivedAt: session.clock.now().toISOString(),
    sealed: seal(session.secretKey, Buffer.from(value, 'utf8'), aad(keyId)).toString('base64'),
  }
  writeFileAtomic(file, JSON.stringify(record))
  return file
}

function pendingFile(session: VaultSession, keyId: string): string {
  return path.join(pendingDir(session), `${keyId}.json`)
}

/** The new value a rotation received and has not stored yet; null when there is none (stored, or never received). */
export function readPendingRotation(session: VaultSession, keyId: KeyId): { value: string; file: string } | null {
  const file = pendingFile(session, keyId)
  if (!existsSync(file)) return null
  const record = JSON.parse(readFileSync(file, 'utf8')) as PendingRotation
  return {
    value: unsealOrCorrupt(session.secretKey, Buffer.from(record.sealed, 'base64'), aad(keyId)).toString('utf8'),
    file,
  }
}

export function clearPendingRotation(file: string): void {
  rmSync(file, { force: true })
}

export interface PendingOutcome {
  /** Refs of the keys that received their new value. */
  readonly applied: string[]
  /** Records that could not be opened or applied, moved to pending-rotations/quarantine/ (named by file). */
  readonly quarantined: string[]
}

function quarantine(dir: string, name: string): string {
  const target = path.join(dir, 'quarantine')
  mkdirSync(target, { recursive: true, mode: 0o700 })
  renameSync(path.join(dir, name), path.join(target, name))
  return path.join(target, name)
}

function applyOne(session: VaultSession, file: string): string | null {
  const record = JSON.parse(readFileSync(file, 'utf8')) as PendingRotation
  const value = unsealOrCorrupt(session.secretKey, Buffer.from(record.sealed, 'base64'), aad(record.keyId)).toString(
    'utf8',
  )
  const keyId = parseKeyId(record.keyId)
  if (keyId === null) throw new KeywardError('VAULT_CORRUPT', 'A pending rotation names no key.')
  const current = currentValueSince(session, keyId)
  // Gone, or already applied (the file outlived the write), or an old record put back: never roll a key back.
  if (current === undefined || current.since > record.receivedAt) return null
  setKeyValue(session, keyId, value, 'rotated by API (recovered after an interrupted rotation)')
  recordEvent(
    session,
    'rotation-recovered',
    { keyId: record.keyId, keyRef: current.ref },
    { receivedAt: record.receivedAt },
  )
  return current.ref
}

/**
 * Applies every pending rotation (on unlock). A record that cannot be opened or applied never blocks the unlock:
 * it is moved to the quarantine folder, audited, and reported so the CLI and the app can tell the user.
 */
export function applyPendingRotations(session: VaultSession): PendingOutcome {
  const dir = pendingDir(session)
  const outcome: PendingOutcome = { applied: [], quarantined: [] }
  if (!existsSync(dir)) return outcome
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.json'))) {
    const file = path.join(dir, name)
    try {
      const ref = applyOne(session, file)
      if (ref !== null) outcome.applied.push(ref)
      clearPendingRotation(file)
    } catch {
      outcome.quarantined.push(quarantine(dir, name))
      recordEvent(session, 'rotation-quarantined', {}, { file: name })
    }
  }
  return outcome
}

/** Records moved aside by earlier unlocks, for `doctor` and the app. */
export function quarantinedRotations(files: { dir: string }): string[] {
  const dir = path.join(files.dir, 'pending-rotations', 'quarantine')
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((file) => file.endsWith('.json'))
        .map((file) => path.join(dir, file))
    : []
}
