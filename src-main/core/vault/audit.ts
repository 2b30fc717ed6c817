import { escapeLike } from '../db/escapeLike'
import type { VaultSession } from './VaultSession'

/**
 * What the audit trail records: what a user would want to find later — reveals, copies, exports and .env writes,
 * value changes, edits, deletes, provider calls, unlocks and locks, backups. Never a value: at most which key, and
 * non-secret detail. Listing, searching and viewing metadata are not recorded — except when a program asks through
 * the agent (`listed`, `searched`: who asked and how many keys it got). Vaults written before 0.2 may still hold
 * 'viewed', 'listed', 'searched' and 'history-viewed' rows; they read back as they are.
 */
/** Every action the audit trail records (the window's filter offers them). */
export const auditActions = [
  'vault-created',
  'unlocked',
  'password-changed',
  'recovered',
  'password-change-settled',
  'recovery-code-issued',
  'device-unlock-enabled',
  'device-unlock-disabled',
  'backup',
  'created',
  'edited',
  'value-changed',
  'revealed',
  'copied',
  'locked',
  'deleted',
  'trashed',
  'restored',
  'trash-emptied',
  'imported',
  'verified',
  'rotated',
  'revoked',
  'synced',
  'rotation-recovered',
  'rotation-quarantined',
  'provider-saved',
  'exported',
  'provider-removed',
  'old-key-deleted',
  'listed',
  'searched',
] as const
export type AuditAction = (typeof auditActions)[number]

export interface AuditEvent {
  readonly id: number
  readonly at: string
  readonly action: AuditAction | 'viewed' | 'history-viewed'
  readonly keyRef: string | null
  readonly actor: string
  readonly detail: Record<string, unknown>
}

export function recordEvent(
  session: VaultSession,
  action: AuditAction,
  target: { keyId?: string; keyRef?: string } = {},
  detail: Record<string, unknown> = {},
): void {
  session
    .sql('INSERT INTO events (at, action, key_id, key_ref, actor, detail) VALUES (?, ?, ?, ?, ?, ?)')
    .run(
      session.clock.now().toISOString(),
      action,
      target.keyId ?? null,
      target.keyRef ?? null,
      session.auditActor.actor,
      JSON.stringify({ ...detail, ...session.auditActor.detail }),
    )
}

/** One key's events, newest first (the detail pane's activity). */
export function keyEvents(session: VaultSession, keyId: string, limit: number): AuditEvent[] {
  const rows = session
    .sql(
      'SELECT id, at, action, key_ref AS keyRef, actor, detail FROM events WHERE key_id = ? ORDER BY id DESC LIMIT ?',
    )
    .all(keyId, limit) as (Omit<AuditEvent, 'detail'> & { detail: string })[]
  return rows.map((row) => ({ ...row, detail: JSON.parse(row.detail) as Record<string, unknown> }))
}

/** What `keyward audit` asks: the newest `limit` events of these actions, of one key, since a date. */
export interface AuditQuery {
  readonly limit: number
  /** Only these actions (none: every action but `except`). */
  readonly actions?: readonly string[]
  /** Left out unless named in `actions` (the CLI hides every command's unlock and lock). */
  readonly except?: readonly string[]
  /** A key's `provider/name`, or its bare name. */
  readonly keyRef?: string
  /** ISO date or time: events at or after it. */
  readonly since?: string
}

export function auditEvents(session: VaultSession, query: AuditQuery | number = 1000): AuditEvent[] {
  const { limit, actions, except, keyRef, since } = typeof query === 'number' ? { limit: query } : query
  const rows = session
    .sql(
      `SELECT id, at, action, key_ref AS keyRef, actor, detail FROM events
        WHERE (@actions IS NULL OR action IN (SELECT value FROM json_each(@actions)))
          AND (@except IS NULL OR action NOT IN (SELECT value FROM json_each(@except)))
          AND (@ref IS NULL OR key_ref = @ref OR key_ref LIKE '%/' || @ref)
          AND (@since IS NULL OR at >= @since)
        ORDER BY id DESC LIMIT @limit`,
    )
    .all({
      actions: actions === undefined ? null : JSON.stringify(actions),
      except: except === undefined || actions !== undefined ? null : JSON.stringify(except),
      ref: keyRef ?? null,
      since: since ?? null,
      limit,
    }) as (Omit<AuditEvent, 'detail'> & { detail: string })[]
  return rows.map((row) => ({ ...row, detail: JSON.parse(row.detail) as Record<string, unknown> }))
}

export interface AuditFilter {
  /** Events older than this id (the previous page's last), or from the newest. */
  readonly beforeId: number | null
  readonly action: string | null
  /** Part of the key's `provider/name`, any case. */
  readonly keyRef: string | null
  readonly limit: number
}

/**
 * One page of the audit trail, newest first, by keyset on the id (a page costs the same on the millionth row):
 * filtered by action and by part of the key's reference. `more` says whether an older page exists.
 */
export function auditPage(
  session: VaultSession,
  filter: AuditFilter,
): { events: Omit<AuditEvent, 'detail'>[]; more: boolean } {
  const rows = session
    .sql(
      `SELECT id, at, action, key_ref AS keyRef, actor FROM events
        WHERE (@before IS NULL OR id < @before) AND (@action IS NULL OR action = @action)
          AND (@ref IS NULL OR key_ref LIKE @ref ESCAPE '\\')
        ORDER BY id DESC LIMIT @limit`,
    )
    .all({
      before: filter.beforeId,
      action: filter.action,
      ref: filter.keyRef === null || filter.keyRef === '' ? null : `%${escapeLike(filter.keyRef)}%`,
      limit: filter.limit + 1,
    }) as Omit<AuditEvent, 'detail'>[]
  return { events: rows.slice(0, filter.limit), more: rows.length > filter.limit }
}
