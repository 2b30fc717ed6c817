import { KeywardError } from '../errors'
import { recordEvent } from '../vault/audit'
import type { VaultSession } from '../vault/VaultSession'
import type { KeyId } from './keyId'
import { validateNewKey, validatePatch, validateValue, type KeyPatch, type NewKey } from './keyInput'
import { byProviderAndName, type KeyRecord } from './keyRecord'
import * as store from './keyStore'

/**
 * What a user does with keys — add, edit, new value, reveal, delete, list — addressed by KeyId, validated, in
 * transactions, and audited where a user would want a record (changes, reveals, copies; never a plain read).
 * The SQL is in keyStore.ts.
 */

/** A key by id, without an audit event (callers record what they do with it). NOT_FOUND when it is gone. */
export function readKeyById(session: VaultSession, id: KeyId): KeyRecord {
  const key = store.findKey(session, id)
  if (key === undefined) throw new KeywardError('NOT_FOUND', 'That key no longer exists.')
  return key
}

export interface CreatedKey {
  readonly key: KeyRecord
  /** Other keys holding the same value (by fingerprint), so the caller can warn. */
  readonly duplicates: readonly string[]
}

function now(session: VaultSession): string {
  return session.clock.now().toISOString()
}

/** Adds a key with its first value, in one transaction. */
export function createKey(session: VaultSession, input: NewKey, value: string): CreatedKey {
  const fields = validateNewKey(input)
  validateValue(value)
  return session.db
    .transaction(() => {
      const { id, print } = store.insertKey(session, fields, value, now(session))
      const key = readKeyById(session, id)
      recordEvent(session, 'created', { keyId: id, keyRef: key.ref })
      return { key, duplicates: store.duplicatesOf(session, print, id) }
    })
    .immediate()
}

/** Adds many keys in one transaction (import); one audit event for the batch. */
export function importKeys(session: VaultSession, entries: readonly { key: NewKey; value: string }[]): number {
  const valid = entries.map((entry) => ({ fields: validateNewKey(entry.key), value: validateValue(entry.value) }))
  return session.db
    .transaction(() => {
      const at = now(session)
      for (const entry of valid) store.insertKey(session, entry.fields, entry.value, at)
      recordEvent(session, 'imported', {}, { count: entries.length })
      return entries.length
    })
    .immediate()
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

function columnValue(value: unknown): unknown {
  return Array.isArray(value) || (typeof value === 'object' && value !== null) ? JSON.stringify(value) : value
}

/** Changes metadata; the value stays. Renaming onto an existing provider/name is a CONFLICT. */
export function editKey(session: VaultSession, id: KeyId, patch: KeyPatch): KeyRecord {
  const valid = validatePatch(patch)
  return session.db
    .transaction(() => {
      readKeyById(session, id)
      const entries = Object.entries(valid).filter(([, value]) => value !== undefined) as [keyof KeyPatch, unknown][]
      if (entries.length === 0) return readKeyById(session, id)
      store.updateColumns(
        session,
        id,
        entries.map(([field, value]) => [patchColumns[field], columnValue(value)]),
        now(session),
      )
      const key = readKeyById(session, id)
      recordEvent(session, 'edited', { keyId: id, keyRef: key.ref }, { fields: entries.map(([field]) => field) })
      return key
    })
    .immediate()
}

/**
 * Replaces the value: the old one is kept as a retired version with when and why. Counts as a rotation: the key is
 * active again, a past expiry (the old value's) is cleared, and `expiresAt` — the new value's expiry, or null for
 * none — replaces the date when given.
 */
export function setKeyValue(
  session: VaultSession,
  id: KeyId,
  value: string,
  reason = 'replaced',
  settle: { readonly expiresAt?: string | null } = {},
): CreatedKey {
  validateValue(value)
  const expiry = settle.expiresAt === undefined ? undefined : validatePatch({ expiresAt: settle.expiresAt }).expiresAt
  return session.db
    .transaction(() => {
      readKeyById(session, id)
      const print = store.replaceValue(session, id, value, reason, now(session))
      if (expiry !== undefined) store.updateColumns(session, id, [['expires_at', expiry]], now(session))
      const key = readKeyById(session, id)
      recordEvent(
        session,
        'value-changed',
        { keyId: id, keyRef: key.ref },
        { reason, ...(expiry === undefined ? {} : { expiresAt: expiry }) },
      )
      return { key, duplicates: store.duplicatesOf(session, print, id) }
    })
    .immediate()
}

/** The current value, decrypted, for main-process use (provider calls, .env writes); the caller audits the use. */
export function readSecretValue(session: VaultSession, id: KeyId): string {
  return store.currentValue(session, id)
}

/** The current value, decrypted, for the user: recorded as a reveal, or as a copy when it goes to the clipboard. */
export function revealValue(session: VaultSession, id: KeyId, action: 'revealed' | 'copied' = 'revealed'): string {
  const key = readKeyById(session, id)
  const value = store.currentValue(session, id)
  recordEvent(session, action, { keyId: id, keyRef: key.ref })
  return value
}

/** A key's metadata, for the CLI and the window (the same read as readKeyById: viewing is not audited). */
export { readKeyById as getKey }

export interface KeyFilter {
  readonly provider?: string
  readonly environment?: string
}

/** Every key (metadata only). Reading writes nothing: no audit row, no write lock, no fsync. */
export function listKeys(session: VaultSession, filter: KeyFilter = {}): KeyRecord[] {
  return store.selectFiltered(session, filter.provider ?? null, filter.environment ?? null).sort(byProviderAndName)
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
  return store.selectPage(session, after, limit).sort(byProviderAndName)
}

/** Marks a key revoked (its history stays), after the provider revoked it by API or the user did in a dashboard. */
export function markRevoked(session: VaultSession, id: KeyId, method: 'api' | 'guided'): KeyRecord {
  return session.db
    .transaction(() => {
      store.setStatusRevoked(session, id, now(session))
      const key = readKeyById(session, id)
      recordEvent(session, 'revoked', { keyId: id, keyRef: key.ref }, { method })
      return key
    })
    .immediate()
}

/** Deletes a key with every stored version of its value (securely overwritten in the file). */
export function deleteKey(session: VaultSession, id: KeyId): KeyRecord {
  return session.db
    .transaction(() => {
      const key = readKeyById(session, id)
      store.removeKey(session, id)
      recordEvent(session, 'deleted', { keyId: id, keyRef: key.ref })
      return key
    })
    .immediate()
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
export function keyHistory(session: VaultSession, id: KeyId): { key: KeyRecord; versions: ValueVersion[] } {
  const key = readKeyById(session, id)
  return {
    key,
    versions: store.valueVersions(session, id).map((row) => ({
      id: row.id,
      createdAt: row.created_at,
      retiredAt: row.retired_at,
      retiredReason: row.retired_reason,
      hint: row.hint,
      current: row.retired_at === null,
    })),
  }
}
