import { KeywardError } from '../errors'
import { DEFAULT_REMIND_BEFORE_DAYS } from '../reminders/reminderState'
import type { VaultSession } from './VaultSession'

/** The vault-wide default remind-before window, in days (a key's own setting wins). */
export function remindBeforeDefault(session: VaultSession): number {
  const stored = session.sql("SELECT value FROM settings WHERE name = 'remindBeforeDays'").pluck().get() as string | undefined
  return stored === undefined ? DEFAULT_REMIND_BEFORE_DAYS : (JSON.parse(stored) as number)
}

export function setRemindBeforeDefault(session: VaultSession, days: number): void {
  if (!Number.isInteger(days) || days < 0 || days > 365) throw new KeywardError('INVALID_INPUT', 'The remind-before window is 0–365 days.')
  session
    .sql("INSERT INTO settings (name, value, updated_at) VALUES ('remindBeforeDays', ?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at")
    .run(JSON.stringify(days), session.clock.now().toISOString())
}
