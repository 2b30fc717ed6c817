import type { VaultSession } from './VaultSession'

/**
 * What the audit trail records: what a user would want to find later — reveals, copies, exports and .env writes,
 * value changes, edits, deletes, provider calls, unlocks and locks, backups. Never a value: at most which key, and
 * non-secret detail. Listing, searching and viewing metadata are not recorded (vaults written before 0.2 may still
 * hold 'viewed', 'listed', 'searched' and 'history-viewed' rows; they read back as they are).
 */
export type AuditAction =
  | 'vault-created'
  | 'unlocked'
  | 'password-changed'
  | 'recovered'
  | 'device-unlock-enabled'
  | 'device-unlock-disabled'
  | 'backup'
  | 'created'
  | 'edited'
  | 'value-changed'
  | 'revealed'
  | 'copied'
  | 'locked'
  | 'deleted'
  | 'imported'
  | 'verified'
  | 'rotated'
  | 'revoked'
  | 'synced'
  | 'rotation-recovered'
  | 'rotation-quarantined'
  | 'provider-saved'
  | 'exported'
  | 'provider-removed'

export interface AuditEvent {
  readonly id: number
  readonly at: string
  readonly action: AuditAction | 'viewed' | 'listed' | 'searched' | 'history-viewed'
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
    .run(session.clock.now().toISOString(), action, target.keyId ?? null, target.keyRef ?? null, session.actor, JSON.stringify(detail))
}

/** One key's events, newest first (the detail pane's activity). */
export function keyEvents(session: VaultSession, keyId: string, limit: number): AuditEvent[] {
  const rows = session
    .sql('SELECT id, at, action, key_ref AS keyRef, actor, detail FROM events WHERE key_id = ? ORDER BY id DESC LIMIT ?')
    .all(keyId, limit) as (Omit<AuditEvent, 'detail'> & { detail: string })[]
  return rows.map((row) => ({ ...row, detail: JSON.parse(row.detail) as Record<string, unknown> }))
}

export function auditEvents(session: VaultSession, limit = 1000): AuditEvent[] {
  const rows = session
    .sql('SELECT id, at, action, key_ref AS keyRef, actor, detail FROM events ORDER BY id DESC LIMIT ?')
    .all(limit) as (Omit<AuditEvent, 'detail'> & { detail: string })[]
  return rows.map((row) => ({ ...row, detail: JSON.parse(row.detail) as Record<string, unknown> }))
}
