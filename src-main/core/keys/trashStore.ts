import { KeywardError } from '../errors'
import { recordEvent } from '../vault/audit'
import type { VaultSession } from '../vault/VaultSession'
import { addDays, TRASH_DAYS } from '../vault/trashPurge'
import type { KeyId } from './keyId'

export { TRASH_DAYS }

/**
 * The Trash: a deleted key kept whole for TRASH_DAYS, out of `keys` (migration 0100 says why), and put back as it
 * was — same id, same sealed versions, same usages and snooze. Every move is one transaction, so a crash, a kill or
 * another process at any moment sees the key in exactly one place.
 */

export interface TrashedKey {
  readonly id: KeyId
  readonly ref: string
  readonly provider: string
  readonly name: string
  readonly environment: string
  readonly envVar: string | null
  readonly trashedAt: string
  /** When it is deleted for good. */
  readonly goneAt: string
}

/** The columns a table stores (generated columns are derived again on the way back). */
function storedColumns(session: VaultSession, table: 'keys' | 'usages' | 'reminders'): string[] {
  const columns = session.sql(`SELECT name, hidden FROM pragma_table_xinfo('${table}')`).all() as {
    name: string
    hidden: number
  }[]
  return columns.filter((column) => column.hidden === 0).map((column) => column.name)
}

function jsonObjectOf(columns: readonly string[]): string {
  return `json_object(${columns.map((column) => `'${column}', ${column}`).join(', ')})`
}

function fromJson(columns: readonly string[], source: string): string {
  return columns.map((column) => `json_extract(${source}, '$.${column}')`).join(', ')
}

const VERSION_COLUMNS = 'id, key_id, sealed, fingerprint, hint, created_at, retired_at, retired_reason'

function now(session: VaultSession): string {
  return session.clock.now().toISOString()
}

/** Moves a key to the Trash. CONFLICT while a rotation of it is under way (its journal would be lost). */
export function trashKey(session: VaultSession, id: KeyId): TrashedKey {
  return session.db
    .transaction(() => {
      const key = session
        .sql("SELECT provider, name, provider || '/' || name AS ref FROM keys WHERE id = ?")
        .get(id) as { provider: string; name: string; ref: string } | undefined
      if (key === undefined) throw new KeywardError('NOT_FOUND', 'That key no longer exists.')
      if (session.sql('SELECT 1 FROM rotations WHERE key_id = ?').get(id) !== undefined)
        throw new KeywardError(
          'CONFLICT',
          `A rotation of ${key.ref} is under way: finish or cancel it before moving the key to the Trash.`,
        )
      const usageColumns = storedColumns(session, 'usages').filter((column) => column !== 'id' && column !== 'key_id')
      const reminderColumns = storedColumns(session, 'reminders').filter((column) => column !== 'key_id')
      session
        .sql(
          `INSERT INTO trash (key_id, provider, name, trashed_at, key_row, usages, reminder)
           SELECT id, provider, name, @at, ${jsonObjectOf(storedColumns(session, 'keys'))},
             (SELECT json_group_array(${jsonObjectOf(usageColumns)}) FROM usages WHERE key_id = @id),
             (SELECT ${jsonObjectOf(reminderColumns)} FROM reminders WHERE key_id = @id)
           FROM keys WHERE id = @id`,
        )
        .run({ id, at: now(session) })
      session
        .sql(
          `INSERT INTO trash_versions (${VERSION_COLUMNS}) SELECT ${VERSION_COLUMNS} FROM secret_versions WHERE key_id = ?`,
        )
        .run(id)
      session.sql('DELETE FROM keys WHERE id = ?').run(id)
      recordEvent(session, 'trashed', { keyId: id, keyRef: key.ref })
      return trashedKey(session, id)
    })
    .immediate()
}

/** Puts a trashed key back as it was. CONFLICT when a key of the same provider and name was added meanwhile. */
export function restoreKey(session: VaultSession, id: KeyId): TrashedKey {
  return session.db
    .transaction(() => {
      const trashed = trashedKey(session, id)
      const taken = session
        .sql('SELECT 1 FROM keys WHERE provider = ? AND name = ?')
        .get(trashed.provider, trashed.name)
      if (taken !== undefined)
        throw new KeywardError(
          'CONFLICT',
          `Another key is named ${trashed.ref} now: rename or delete it, then restore this one.`,
        )
      const keyColumns = storedColumns(session, 'keys')
      session
        .sql(
          `INSERT INTO keys (${keyColumns.join(', ')}) SELECT ${fromJson(keyColumns, 'key_row')} FROM trash WHERE key_id = ?`,
        )
        .run(id)
      session
        .sql(
          `INSERT INTO secret_versions (${VERSION_COLUMNS}) SELECT ${VERSION_COLUMNS} FROM trash_versions WHERE key_id = ?`,
        )
        .run(id)
      // A password change while it was in the Trash re-sealed its versions and fingerprinted them anew.
      session
        .sql(
          'UPDATE keys SET fingerprint = (SELECT fingerprint FROM secret_versions WHERE key_id = @id AND retired_at IS NULL) WHERE id = @id',
        )
        .run({ id })
      const usageColumns = storedColumns(session, 'usages').filter((column) => column !== 'id' && column !== 'key_id')
      session
        .sql(
          `INSERT INTO usages (key_id, ${usageColumns.join(', ')})
           SELECT trash.key_id, ${fromJson(usageColumns, 'usage.value')} FROM trash, json_each(trash.usages) AS usage
           WHERE trash.key_id = ?`,
        )
        .run(id)
      const reminderColumns = storedColumns(session, 'reminders').filter((column) => column !== 'key_id')
      session
        .sql(
          `INSERT INTO reminders (key_id, ${reminderColumns.join(', ')})
           SELECT key_id, ${fromJson(reminderColumns, 'reminder')} FROM trash WHERE key_id = ? AND reminder IS NOT NULL`,
        )
        .run(id)
      session.sql('DELETE FROM trash WHERE key_id = ?').run(id)
      recordEvent(session, 'restored', { keyId: id, keyRef: trashed.ref })
      return trashed
    })
    .immediate()
}

const TRASHED_SQL = `SELECT key_id AS id, provider || '/' || name AS ref, provider, name,
  json_extract(key_row, '$.environment') AS environment, json_extract(key_row, '$.env_var') AS envVar,
  trashed_at AS trashedAt FROM trash`

function withGoneAt(row: Omit<TrashedKey, 'goneAt'>): TrashedKey {
  return { ...row, goneAt: addDays(row.trashedAt, TRASH_DAYS) }
}

function trashedKey(session: VaultSession, id: KeyId): TrashedKey {
  const row = session.sql(`${TRASHED_SQL} WHERE key_id = ?`).get(id) as Omit<TrashedKey, 'goneAt'> | undefined
  if (row === undefined) throw new KeywardError('NOT_FOUND', 'That key is not in the Trash.')
  return withGoneAt(row)
}

/** The Trash, most recently deleted first. */
export function listTrash(session: VaultSession): TrashedKey[] {
  const rows = session.sql(`${TRASHED_SQL} ORDER BY trashed_at DESC, ref`).all() as Omit<TrashedKey, 'goneAt'>[]
  return rows.map(withGoneAt)
}

/** A trashed key by `provider/name` or a name only one trashed key has. */
export function findTrashed(session: VaultSession, ref: string): TrashedKey {
  const slash = ref.indexOf('/')
  const rows = (
    slash > 0
      ? session.sql(`${TRASHED_SQL} WHERE provider = ? AND name = ?`).all(ref.slice(0, slash), ref.slice(slash + 1))
      : session.sql(`${TRASHED_SQL} WHERE name = ?`).all(ref)
  ) as Omit<TrashedKey, 'goneAt'>[]
  const [first, second] = rows
  if (first === undefined) throw new KeywardError('NOT_FOUND', `The Trash holds no key ${ref}.`)
  if (second !== undefined)
    throw new KeywardError(
      'INVALID_INPUT',
      `The Trash holds more than one ${ref}: ${rows.map((row) => row.ref).join(', ')}. Give provider/name.`,
    )
  return withGoneAt(first)
}

/** Deletes trashed keys for good, values included (secure_delete overwrites them in the file). */
function deleteTrashed(session: VaultSession, where: string, params: Record<string, string>): number {
  return session.sql(`DELETE FROM trash WHERE ${where}`).run(params).changes
}

/** Deletes one trashed key for good. */
export function deleteTrashedForever(session: VaultSession, id: KeyId): TrashedKey {
  return session.db
    .transaction(() => {
      const trashed = trashedKey(session, id)
      deleteTrashed(session, 'key_id = @id', { id })
      recordEvent(session, 'deleted', { keyId: id, keyRef: trashed.ref }, { from: 'trash' })
      return trashed
    })
    .immediate()
}

/** Empties the Trash; how many keys were deleted. */
export function emptyTrash(session: VaultSession): number {
  return session.db
    .transaction(() => {
      const count = deleteTrashed(session, '1', {})
      if (count > 0) recordEvent(session, 'trash-emptied', {}, { count })
      return count
    })
    .immediate()
}

/** How many keys the Trash holds. */
export function trashCount(session: VaultSession): number {
  return session.sql('SELECT count(*) FROM trash').pluck().get() as number
}
