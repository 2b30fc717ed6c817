import { randomUUID } from 'node:crypto'
import { KeywardError } from '../errors'
import { recordEvent } from '../vault/audit'
import { fingerprint, seal, unsealOrCorrupt } from '../vault/sealing'
import type { VaultSession } from '../vault/VaultSession'
import { validateNewKey, validatePatch, validateValue, valueHint, type KeyPatch, type NewKey } from './keyInput'
import { byProviderAndName, KEY_RECORD_SQL, keyRecordsQuery, toKeyRecord, type KeyRecord } from './keyRecord'
import { resolveKeyRef } from './keyRef'

function secretAad(secretId: string): string {
  return `secret:${secretId}`
}

export function today(session: VaultSession): string {
  return session.clock.now().toISOString().slice(0, 10)
}

/** A key by id, without an audit event (callers record what they do with it). */
export function readKeyById(session: VaultSession, id: string): KeyRecord {
  const json = session.sql(`SELECT ${KEY_RECORD_SQL} FROM keys WHERE id = @id`).pluck().get({ id, today: today(session) }) as string | undefined
  if (json === undefined) throw new KeywardError('NOT_FOUND', 'That key no longer exists.')
  return toKeyRecord(JSON.parse(json) as unknown[])
}

/** Runs a keyRecordsQuery; its parameters plus `today`. */
export function readKeys(session: VaultSession, query: string, params: Record<string, unknown>): KeyRecord[] {
  const rows = JSON.parse(session.sql(query).pluck().get({ ...params, today: today(session) }) as string) as unknown[][]
  return rows.map(toKeyRecord)
}

function insertSecret(session: VaultSession, keyId: string, value: string, now: string): { fingerprint: string; hint: string } {
  const secretId = randomUUID()
  const print = fingerprint(session.fingerprintKey, value)
  const hint = valueHint(value)
  const sealed = seal(session.secretKey, Buffer.from(value, 'utf8'), secretAad(secretId))
  session
    .sql('INSERT INTO secret_versions (id, key_id, sealed, fingerprint, hint, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(secretId, keyId, sealed, print, hint, now)
  return { fingerprint: print, hint }
}

export interface CreatedKey {
  readonly key: KeyRecord
  /** Other keys holding the same value (by fingerprint), so the caller can warn. */
  readonly duplicates: readonly string[]
}

function duplicatesOf(session: VaultSession, print: string, exceptId: string): string[] {
  const rows = session.sql('SELECT provider, name FROM keys WHERE fingerprint = ? AND id != ? ORDER BY provider, name').all(print, exceptId) as { provider: string; name: string }[]
  return rows.map((row) => `${row.provider}/${row.name}`)
}

function insertKey(session: VaultSession, input: NewKey, value: string): { id: string; print: string } {
  const fields = validateNewKey(input)
  validateValue(value)
  const id = randomUUID()
  const now = session.clock.now().toISOString()
  const print = fingerprint(session.fingerprintKey, value)
  const insert = session.sql(
      `INSERT INTO keys (id, provider, name, env_var, environment, expires_at, rotate_every_days, remind_before_days,
        rotated_at, created_at, updated_at, tags, notes, hint, fingerprint, metadata)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?)`,
  )
  try {
    insert.run(id, fields.provider, fields.name, fields.envVar, fields.environment, fields.expiresAt, fields.rotateEveryDays,
      fields.remindBeforeDays, now, now, JSON.stringify(fields.tags), fields.notes, valueHint(value), print, JSON.stringify(fields.metadata))
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
      throw new KeywardError('CONFLICT', `${fields.provider}/${fields.name} already exists. Pick another name, or change its value with: keyward set-value`)
    }
    throw error
  }
  insertSecret(session, id, value, now)
  return { id, print }
}

/** Adds a key with its first value, in one transaction. */
export function createKey(session: VaultSession, input: NewKey, value: string): CreatedKey {
  return session.db.transaction(() => {
    const { id, print } = insertKey(session, input, value)
    const key = readKeyById(session, id)
    recordEvent(session, 'created', { keyId: id, keyRef: key.ref })
    return { key, duplicates: duplicatesOf(session, print, id) }
  }).immediate()
}

/** Adds many keys in one transaction (import); one audit event for the batch. */
export function importKeys(session: VaultSession, entries: readonly { key: NewKey; value: string }[]): number {
  return session.db.transaction(() => {
    for (const entry of entries) insertKey(session, entry.key, entry.value)
    recordEvent(session, 'imported', {}, { count: entries.length })
    return entries.length
  }).immediate()
}

const patchColumns: Record<keyof KeyPatch, string> = {
  provider: 'provider',
  name: 'name',
  envVar: 'env_var',
  environment: 'environment',
  expiresAt: 'expires_at',
  rotateEveryDays: 'rotate_every_days',
  remindBeforeDays: 'remind_before_days',
  tags: 'tags',
  notes: 'notes',
  metadata: 'metadata',
}

/** Changes metadata; the value stays. Renaming onto an existing provider/name is a CONFLICT. */
export function editKey(session: VaultSession, ref: string, patch: KeyPatch): KeyRecord {
  const valid = validatePatch(patch)
  return session.db.transaction(() => {
    const { id } = resolveKeyRef(session, ref)
    const entries = Object.entries(valid).filter(([, value]) => value !== undefined) as [keyof KeyPatch, unknown][]
    if (entries.length === 0) return readKeyById(session, id)
    const assignments = entries.map(([field]) => `${patchColumns[field]} = ?`).join(', ')
    const values = entries.map(([, value]) => (Array.isArray(value) || (typeof value === 'object' && value !== null) ? JSON.stringify(value) : value))
    try {
      session.sql(`UPDATE keys SET ${assignments}, updated_at = ? WHERE id = ?`).run(...values, session.clock.now().toISOString(), id)
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
        throw new KeywardError('CONFLICT', 'Another key already has that provider and name.')
      }
      throw error
    }
    const key = readKeyById(session, id)
    recordEvent(session, 'edited', { keyId: id, keyRef: key.ref }, { fields: entries.map(([field]) => field) })
    return key
  }).immediate()
}

/** Replaces the value: the old one is kept as a retired version with when and why. Counts as a rotation. */
export function setKeyValue(session: VaultSession, ref: string, value: string, reason = 'replaced'): CreatedKey {
  validateValue(value)
  return session.db.transaction(() => {
    const { id } = resolveKeyRef(session, ref)
    const now = session.clock.now().toISOString()
    session.sql('UPDATE secret_versions SET retired_at = ?, retired_reason = ? WHERE key_id = ? AND retired_at IS NULL').run(now, reason, id)
    const { fingerprint: print, hint } = insertSecret(session, id, value, now)
    session.sql('UPDATE keys SET fingerprint = ?, hint = ?, rotated_at = ?, updated_at = ? WHERE id = ?').run(print, hint, now, now, id)
    const key = readKeyById(session, id)
    recordEvent(session, 'value-changed', { keyId: id, keyRef: key.ref }, { reason })
    return { key, duplicates: duplicatesOf(session, print, id) }
  }).immediate()
}

/** The current value of a key, decrypted, for main-process use (provider calls); the caller audits the use. */
export function readSecretValue(session: VaultSession, id: string): string {
  const row = session.sql('SELECT id, sealed FROM secret_versions WHERE key_id = ? AND retired_at IS NULL').get(id) as { id: string; sealed: Buffer } | undefined
  if (row === undefined) throw new KeywardError('VAULT_CORRUPT', 'A key has no current value. Restore a backup (keyward doctor lists them).')
  const value = unsealOrCorrupt(session.secretKey, row.sealed, secretAad(row.id))
  try {
    return value.toString('utf8')
  } finally {
    value.fill(0)
  }
}

/** The current value, decrypted, for the user: recorded as a reveal, or as a copy when it goes to the clipboard. */
export function revealValue(session: VaultSession, ref: string, action: 'revealed' | 'copied' = 'revealed'): string {
  const { id, ref: fullRef } = resolveKeyRef(session, ref)
  const value = readSecretValue(session, id)
  recordEvent(session, action, { keyId: id, keyRef: fullRef })
  return value
}

export function getKey(session: VaultSession, ref: string): KeyRecord {
  const { id } = resolveKeyRef(session, ref)
  return readKeyById(session, id)
}

export interface KeyFilter {
  readonly provider?: string
  readonly environment?: string
}

/** Every key (metadata only). Reading writes nothing: no audit row, no write lock, no fsync. */
export function listKeys(session: VaultSession, filter: KeyFilter = {}): KeyRecord[] {
  return readKeys(
    session,
    keyRecordsQuery('FROM keys WHERE (@provider IS NULL OR provider = @provider) AND (@environment IS NULL OR environment = @environment)'),
    { provider: filter.provider ?? null, environment: filter.environment ?? null },
  ).sort(byProviderAndName)
}

export interface PageCursor {
  readonly provider: string
  readonly name: string
}

/**
 * One page of keys in (provider, name) order, after `after` (keyset paging on the UNIQUE (provider, name) index,
 * so page 1,000 costs what page 1 does). A 100k vault is read page by page and never crosses IPC whole; between
 * pages the caller's thread is free.
 */
export function listKeysPage(session: VaultSession, after: PageCursor | null, limit: number): KeyRecord[] {
  return readKeys(
    session,
    keyRecordsQuery(`FROM (SELECT * FROM keys WHERE @provider IS NULL OR (provider, name) > (@provider, @name)
                     ORDER BY provider, name LIMIT @limit) AS keys`),
    { provider: after?.provider ?? null, name: after?.name ?? null, limit },
  ).sort(byProviderAndName)
}

/** Marks a key revoked (its history stays), after the provider revoked it by API or the user did in a dashboard. */
export function markRevoked(session: VaultSession, id: string, method: 'api' | 'guided'): KeyRecord {
  return session.db.transaction(() => {
    const now = session.clock.now().toISOString()
    session.sql("UPDATE keys SET status = 'revoked', updated_at = ? WHERE id = ?").run(now, id)
    const key = readKeyById(session, id)
    recordEvent(session, 'revoked', { keyId: id, keyRef: key.ref }, { method })
    return key
  }).immediate()
}

/** Deletes a key with every stored version of its value (securely overwritten in the file). */
export function deleteKey(session: VaultSession, ref: string): KeyRecord {
  return session.db.transaction(() => {
    const { id } = resolveKeyRef(session, ref)
    const key = readKeyById(session, id)
    session.sql('DELETE FROM keys WHERE id = ?').run(id)
    recordEvent(session, 'deleted', { keyId: id, keyRef: key.ref })
    return key
  }).immediate()
}

export interface ValueVersion {
  readonly id: string
  readonly createdAt: string
  readonly retiredAt: string | null
  readonly retiredReason: string | null
  readonly hint: string
  readonly current: boolean
}

/** The value history, newest first: when each value was set and retired, and why. Never the values. */
export function keyHistory(session: VaultSession, ref: string): { key: KeyRecord; versions: ValueVersion[] } {
  const { id } = resolveKeyRef(session, ref)
  const key = readKeyById(session, id)
  const rows = session
    .sql('SELECT id, created_at, retired_at, retired_reason, hint FROM secret_versions WHERE key_id = ? ORDER BY created_at DESC, rowid DESC')
    .all(id) as { id: string; created_at: string; retired_at: string | null; retired_reason: string | null; hint: string }[]
  return {
    key,
    versions: rows.map((row) => ({ id: row.id, createdAt: row.created_at, retiredAt: row.retired_at, retiredReason: row.retired_reason, hint: row.hint, current: row.retired_at === null })),
  }
}
