import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { writeFileAtomic } from '../fs/atomicWrite'
import { setKeyValue } from '../keys/keyRepository'
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

export function writePendingRotation(session: VaultSession, keyId: string, value: string): string {
  const dir = pendingDir(session)
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  const file = path.join(dir, `${keyId}.json`)
  const record: PendingRotation = { keyId, receivedAt: session.clock.now().toISOString(), sealed: seal(session.secretKey, Buffer.from(value, 'utf8'), aad(keyId)).toString('base64') }
  writeFileAtomic(file, JSON.stringify(record))
  return file
}

export function clearPendingRotation(file: string): void {
  rmSync(file, { force: true })
}

/** Applies every pending rotation (on unlock). Returns the refs it updated. */
export function applyPendingRotations(session: VaultSession): string[] {
  const dir = pendingDir(session)
  if (!existsSync(dir)) return []
  const applied: string[] = []
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.json'))) {
    const file = path.join(dir, name)
    const record = JSON.parse(readFileSync(file, 'utf8')) as PendingRotation
    const value = unsealOrCorrupt(session.secretKey, Buffer.from(record.sealed, 'base64'), aad(record.keyId)).toString('utf8')
    const exists = session.sql('SELECT provider || \'/\' || name AS ref FROM keys WHERE id = ?').get(record.keyId) as { ref: string } | undefined
    if (exists !== undefined) {
      setKeyValue(session, exists.ref, value, 'rotated by API (recovered after an interrupted rotation)')
      recordEvent(session, 'rotation-recovered', { keyId: record.keyId, keyRef: exists.ref }, { receivedAt: record.receivedAt })
      applied.push(exists.ref)
    }
    clearPendingRotation(file)
  }
  return applied
}
