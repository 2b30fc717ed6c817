import type { KeyId } from '../keys/keyId'
import type { VaultSession } from '../vault/VaultSession'

/** The `reminders` table: per key, its snooze and the last state a notification was sent for. */
export interface ReminderRow {
  readonly key_id: string
  readonly snoozed_until: string | null
  readonly last_notified_state: string | null
}

export function reminderRows(session: VaultSession): ReminderRow[] {
  return session.sql('SELECT key_id, snoozed_until, last_notified_state FROM reminders').all() as ReminderRow[]
}

/** Snoozes in force or not, by key id. */
export function snoozes(session: VaultSession): Map<string, string> {
  const rows = session.sql('SELECT key_id, snoozed_until FROM reminders WHERE snoozed_until IS NOT NULL').all() as {
    key_id: string
    snoozed_until: string
  }[]
  return new Map(rows.map((row) => [row.key_id, row.snoozed_until]))
}

export function snoozeOf(session: VaultSession, keyId: KeyId): string | null {
  return (
    (session.sql('SELECT snoozed_until FROM reminders WHERE key_id = ?').pluck().get(keyId) as
      string | null | undefined) ?? null
  )
}

export function setSnooze(session: VaultSession, keyId: KeyId, until: string): void {
  session
    .sql(
      'INSERT INTO reminders (key_id, snoozed_until) VALUES (?, ?) ON CONFLICT (key_id) DO UPDATE SET snoozed_until = excluded.snoozed_until',
    )
    .run(keyId, until)
}

export function recordNotified(session: VaultSession, keyId: string, state: string, at: string): void {
  session
    .sql(
      `INSERT INTO reminders (key_id, last_notified_state, last_notified_at) VALUES (?, ?, ?) ON CONFLICT (key_id)
          DO UPDATE SET last_notified_state = excluded.last_notified_state, last_notified_at = excluded.last_notified_at`,
    )
    .run(keyId, state, at)
}

/** The key is fine again: its next state change notifies anew. */
export function clearNotified(session: VaultSession, keyId: string): void {
  session.sql('UPDATE reminders SET last_notified_state = NULL WHERE key_id = ?').run(keyId)
}
