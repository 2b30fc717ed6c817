import { randomUUID } from 'node:crypto'
import { KeywardError } from '../errors'
import { fingerprint, seal, secretAad, unsealOrCorrupt } from '../vault/sealing'
import type { VaultSession } from '../vault/VaultSession'
import type { KeyId } from './keyId'
import { valueHint, type KeyFields } from './keyInput'
import { escapeLike } from '../db/escapeLike'
import { KEY_RECORD_SQL, keyRecordsQuery, toKeyRecord, type KeyRecord } from './keyRecord'

/**
 * Every statement on `keys` and `secret_versions` but those on keys' dates and use (deadlineStore.ts), and nothing
 * else: validation, audit and workflows live in the modules above (keyRepository, keyOperations, …). Values are
 * sealed here and only here — and re-sealed, all at once, by a password change (vault/resealValues.ts).
 */

export function today(session: VaultSession): string {
  return session.clock.now().toISOString().slice(0, 10)
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE'
}

/** A key by id, or undefined when it no longer exists. */
export function findKey(session: VaultSession, id: KeyId): KeyRecord | undefined {
  const json = session
    .sql(`SELECT ${KEY_RECORD_SQL} FROM keys WHERE id = @id`)
    .pluck()
    .get({ id, today: today(session) }) as string | undefined
  return json === undefined ? undefined : toKeyRecord(JSON.parse(json) as unknown[])
}

/** Runs a keyRecordsQuery (a `FROM keys …` clause); its parameters plus `today`. */
export function selectKeys(session: VaultSession, from: string, params: Record<string, unknown>): KeyRecord[] {
  const rows = JSON.parse(
    session
      .sql(keyRecordsQuery(from))
      .pluck()
      .get({ ...params, today: today(session) }) as string,
  ) as unknown[][]
  return rows.map(toKeyRecord)
}

export function selectFiltered(
  session: VaultSession,
  provider: string | null,
  environment: string | null,
): KeyRecord[] {
  return selectKeys(
    session,
    'FROM keys WHERE (@provider IS NULL OR provider = @provider) AND (@environment IS NULL OR environment = @environment)',
    { provider, environment },
  )
}

/** Keyset paging on the UNIQUE (provider, name) index. */
export function selectPage(
  session: VaultSession,
  after: { provider: string; name: string } | null,
  limit: number,
): KeyRecord[] {
  return selectKeys(
    session,
    `FROM (SELECT * FROM keys WHERE @provider IS NULL OR (provider, name) > (@provider, @name)
           ORDER BY provider, name LIMIT @limit) AS keys`,
    { provider: after?.provider ?? null, name: after?.name ?? null, limit },
  )
}

/** Rows `offset`… of the whole list in (provider, name) order: the window's list reads only what it shows. */
export function selectWindow(session: VaultSession, offset: number, limit: number): KeyRecord[] {
  return selectKeys(session, 'FROM (SELECT * FROM keys ORDER BY provider, name LIMIT @limit OFFSET @offset) AS keys', {
    offset,
    limit,
  })
}

/** Where a key stands in the (provider, name) order, counted on the index; undefined when it no longer exists. */
export function positionOf(session: VaultSession, id: KeyId): number | undefined {
  const at = session.sql('SELECT provider, name FROM keys WHERE id = ?').get(id) as
    { provider: string; name: string } | undefined
  if (at === undefined) return undefined
  return session.sql('SELECT count(*) FROM keys WHERE (provider, name) < (@provider, @name)').pluck().get(at) as number
}

/** The first key in list order whose name starts with `prefix` (any case): the list's type-ahead. */
export function firstNamedLike(session: VaultSession, prefix: string): KeyId | undefined {
  return session
    .sql("SELECT id FROM keys WHERE name LIKE ? ESCAPE '\\' ORDER BY provider, name LIMIT 1")
    .pluck()
    .get(`${escapeLike(prefix)}%`) as KeyId | undefined
}

/** How many keys each value of a column (or each tag) has, for the sidebar: never the keys themselves. */
export function countsBy(
  session: VaultSession,
  field: 'provider' | 'environment' | 'tag',
): { value: string; count: number }[] {
  const sql =
    field === 'tag'
      ? 'SELECT tag.value AS value, count(*) AS count FROM keys, json_each(keys.tags) AS tag GROUP BY tag.value ORDER BY tag.value'
      : `SELECT ${field} AS value, count(*) AS count FROM keys GROUP BY ${field} ORDER BY ${field}`
  return session.sql(sql).all() as { value: string; count: number }[]
}

const SEARCHED = ['name', 'provider', 'env_var', 'environment', 'tags', 'notes'] as const

function likePattern(term: string): string {
  return `%${escapeLike(term)}%`
}

/**
 * Keys containing every `short` word (LIKE, any searched column) and matching `match` (an FTS5 trigram query, or
 * none), minus `exclude`, at most `limit` — read in index order and stopped at the limit.
 */
export function selectMatching(
  session: VaultSession,
  short: readonly string[],
  match: string | null,
  exclude: readonly string[],
  limit: number,
): KeyRecord[] {
  const params: Record<string, unknown> = { limit, match, exclude: JSON.stringify(exclude) }
  short.forEach((word, i) => (params[`short${i}`] = likePattern(word)))
  const conditions = short.map(
    (_, i) => `(${SEARCHED.map((column) => `keys.${column} LIKE @short${i} ESCAPE '\\'`).join(' OR ')})`,
  )
  if (match !== null) conditions.push('keys.rowid IN (SELECT rowid FROM keys_search WHERE keys_search MATCH @match)')
  if (exclude.length > 0) conditions.push('keys.id NOT IN (SELECT value FROM json_each(@exclude))')
  const where = conditions.length > 0 ? conditions.join(' AND ') : '1'
  return selectKeys(session, `FROM (SELECT * FROM keys WHERE ${where} LIMIT @limit) AS keys`, params)
}

export function idsByProviderAndName(session: VaultSession, provider: string, name: string): KeyId | undefined {
  return session.sql('SELECT id FROM keys WHERE provider = ? AND name = ?').pluck().get(provider, name) as
    KeyId | undefined
}

export function idsByName(session: VaultSession, name: string): { id: KeyId; provider: string }[] {
  return session.sql('SELECT id, provider FROM keys WHERE name = ? ORDER BY provider').all(name) as {
    id: KeyId
    provider: string
  }[]
}

export function countKeys(session: VaultSession): number {
  return session.sql('SELECT count(*) FROM keys').pluck().get() as number
}

/** Seals `value` as the key's new current version; the caller retires the previous one first. */
function insertSecret(
  session: VaultSession,
  keyId: KeyId,
  value: string,
  now: string,
): { fingerprint: string; hint: string } {
  const secretId = randomUUID()
  const print = fingerprint(session.fingerprintKey, value)
  const hint = valueHint(value)
  const sealed = seal(session.secretKey, Buffer.from(value, 'utf8'), secretAad(secretId))
  session
    .sql('INSERT INTO secret_versions (id, key_id, sealed, fingerprint, hint, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(secretId, keyId, sealed, print, hint, now)
  return { fingerprint: print, hint }
}

/** Inserts a validated key and its first value. CONFLICT when provider/name is taken. */
export function insertKey(
  session: VaultSession,
  fields: KeyFields,
  value: string,
  now: string,
): { id: KeyId; print: string } {
  const id = randomUUID() as KeyId
  const print = fingerprint(session.fingerprintKey, value)
  const insert = session.sql(
    `INSERT INTO keys (id, provider, name, env_var, environment, expires_at, rotate_every_days, remind_before_days,
      rotated_at, created_at, updated_at, tags, notes, hint, fingerprint, metadata)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?)`,
  )
  try {
    insert.run(
      id,
      fields.provider,
      fields.name,
      fields.envVar,
      fields.environment,
      fields.expiresAt,
      fields.rotateEveryDays,
      fields.remindBeforeDays,
      now,
      now,
      JSON.stringify(fields.tags),
      fields.notes,
      valueHint(value),
      print,
      JSON.stringify(fields.metadata),
    )
  } catch (error) {
    if (isUniqueViolation(error))
      throw new KeywardError(
        'CONFLICT',
        `${fields.provider}/${fields.name} already exists. Pick another name, or give that key a new value.`,
      )
    throw error
  }
  insertSecret(session, id, value, now)
  return { id, print }
}

/** Other keys holding the same value (by fingerprint), as refs. */
export function duplicatesOf(session: VaultSession, print: string, exceptId: KeyId): string[] {
  const rows = session
    .sql('SELECT provider, name FROM keys WHERE fingerprint = ? AND id != ? ORDER BY provider, name')
    .all(print, exceptId) as { provider: string; name: string }[]
  return rows.map((row) => `${row.provider}/${row.name}`)
}

/** Sets the named columns (already validated and serialised). CONFLICT when a rename collides. */
export function updateColumns(
  session: VaultSession,
  id: KeyId,
  columns: readonly [string, unknown][],
  now: string,
): void {
  const assignments = columns.map(([column]) => `${column} = ?`).join(', ')
  try {
    session
      .sql(`UPDATE keys SET ${assignments}, updated_at = ? WHERE id = ?`)
      .run(...columns.map(([, value]) => value), now, id)
  } catch (error) {
    if (isUniqueViolation(error)) throw new KeywardError('CONFLICT', 'Another key already has that provider and name.')
    throw error
  }
}

/** Retires the current value (with when and why) and seals the new one as current. */
export function replaceValue(session: VaultSession, id: KeyId, value: string, reason: string, now: string): string {
  session
    .sql('UPDATE secret_versions SET retired_at = ?, retired_reason = ? WHERE key_id = ? AND retired_at IS NULL')
    .run(now, reason, id)
  const { fingerprint: print, hint } = insertSecret(session, id, value, now)
  // What the provider said was about the old value: the new one is not verified until it is asked. A past expiry
  // and a revocation were the old value's too: the key is active again (it is selected by `run --environment`).
  session
    .sql(
      `UPDATE keys SET fingerprint = ?, hint = ?, rotated_at = ?, updated_at = ?, last_verified_at = NULL,
            last_verify_result = NULL, status = 'active',
            expires_at = CASE WHEN expires_at < ? THEN NULL ELSE expires_at END WHERE id = ?`,
    )
    .run(print, hint, now, now, now.slice(0, 10), id)
  return print
}

/** The keys whose current value is `value` (by fingerprint: nothing is decrypted), by ref. */
export function keysHolding(session: VaultSession, value: string): { id: KeyId; ref: string }[] {
  const print = fingerprint(session.fingerprintKey, value)
  return session
    .sql("SELECT id, provider || '/' || name AS ref FROM keys WHERE fingerprint = ? ORDER BY provider, name")
    .all(print) as { id: KeyId; ref: string }[]
}

/** Whether `value` is the key's current value or one it held before (by fingerprint: nothing is decrypted). */
export function heldBefore(session: VaultSession, id: KeyId, value: string): boolean {
  const print = fingerprint(session.fingerprintKey, value)
  return session.sql('SELECT 1 FROM secret_versions WHERE key_id = ? AND fingerprint = ?').get(id, print) !== undefined
}

/** The current value, decrypted. VAULT_CORRUPT when a key has none or its box does not open. */
export function currentValue(session: VaultSession, id: KeyId): string {
  const row = session.sql('SELECT id, sealed FROM secret_versions WHERE key_id = ? AND retired_at IS NULL').get(id) as
    { id: string; sealed: Buffer } | undefined
  if (row === undefined)
    throw new KeywardError('VAULT_CORRUPT', 'A key has no current value. Restore a backup.', {
      action: 'restore-backup',
      backup: null,
    })
  const value = unsealOrCorrupt(session.secretKey, row.sealed, secretAad(row.id))
  try {
    return value.toString('utf8')
  } finally {
    value.fill(0)
  }
}

/** The value retired most recently (the old key of the last rotation), decrypted; undefined when there is none. */
export function latestRetiredValue(session: VaultSession, id: KeyId): string | undefined {
  const row = session
    .sql(
      'SELECT id, sealed FROM secret_versions WHERE key_id = ? AND retired_at IS NOT NULL ORDER BY retired_at DESC, rowid DESC LIMIT 1',
    )
    .get(id) as { id: string; sealed: Buffer } | undefined
  if (row === undefined) return undefined
  const value = unsealOrCorrupt(session.secretKey, row.sealed, secretAad(row.id))
  try {
    return value.toString('utf8')
  } finally {
    value.fill(0)
  }
}

/** When the current value was stored, with the key's ref; undefined when the key is gone. */
export function currentValueSince(session: VaultSession, id: KeyId): { ref: string; since: string } | undefined {
  return session
    .sql(
      `SELECT keys.provider || '/' || keys.name AS ref, secret_versions.created_at AS since FROM keys
          JOIN secret_versions ON secret_versions.key_id = keys.id AND secret_versions.retired_at IS NULL WHERE keys.id = ?`,
    )
    .get(id) as { ref: string; since: string } | undefined
}

export interface VersionRow {
  readonly id: string
  readonly created_at: string
  readonly retired_at: string | null
  readonly retired_reason: string | null
  readonly hint: string
}

export function valueVersions(session: VaultSession, id: KeyId): VersionRow[] {
  return session
    .sql(
      'SELECT id, created_at, retired_at, retired_reason, hint FROM secret_versions WHERE key_id = ? ORDER BY created_at DESC, rowid DESC',
    )
    .all(id) as VersionRow[]
}

export function setStatusRevoked(session: VaultSession, id: KeyId, now: string): void {
  session.sql("UPDATE keys SET status = 'revoked', updated_at = ? WHERE id = ?").run(now, id)
}

/** What a provider call said about the key: when, the result, and metadata merged in. */
export function storeProviderResult(
  session: VaultSession,
  id: KeyId,
  result: string,
  metadata: Readonly<Record<string, unknown>>,
  now: string,
): void {
  session
    .sql(
      'UPDATE keys SET last_verified_at = ?, last_verify_result = ?, metadata = json_patch(metadata, ?), updated_at = ? WHERE id = ?',
    )
    .run(now, result, JSON.stringify(metadata), now, id)
}

export function removeKey(session: VaultSession, id: KeyId): void {
  session.sql('DELETE FROM keys WHERE id = ?').run(id)
}

/** Fingerprints of every key (or only active ones), for duplicate detection without decrypting. */
export function fingerprints(
  session: VaultSession,
  activeOnly: boolean,
): { id: KeyId; ref: string; fingerprint: string }[] {
  return session
    .sql(
      `SELECT id, provider || '/' || name AS ref, fingerprint FROM keys ${activeOnly ? "WHERE status = 'active'" : ''} ORDER BY ref`,
    )
    .all() as { id: KeyId; ref: string; fingerprint: string }[]
}
