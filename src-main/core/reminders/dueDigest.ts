import { updateHeader } from '../vault/header'
import type { VaultSession } from '../vault/VaultSession'
import { DEFAULT_REMIND_BEFORE_DAYS } from './reminderState'

/**
 * Recomputes the header's due digest (the first day of each active key's reminder window, sorted; dates only)
 * and writes the header when it changed. SQLite computes it so it costs a few milliseconds for 10k keys; it runs
 * before the vault locks, so the locked reminders count what the vault held last.
 */
export function refreshDueDigest(session: VaultSession, defaultRemindBefore = DEFAULT_REMIND_BEFORE_DAYS): void {
  const digest = session
    .sql(
      `SELECT date(min(coalesce(expires_at, '9999-12-31'),
                       coalesce(date(coalesce(rotated_at, created_at), '+' || rotate_every_days || ' days'), '9999-12-31')),
                   '-' || coalesce(remind_before_days, @window) || ' days') AS due_from
       FROM keys
       WHERE status = 'active' AND (expires_at IS NOT NULL OR rotate_every_days IS NOT NULL)
       ORDER BY due_from`,
    )
    .pluck()
    .all({ window: defaultRemindBefore }) as string[]
  session.header = updateHeader(session.files, (latest) =>
    latest.dueDigest.length === digest.length && latest.dueDigest.every((day, i) => day === digest[i])
      ? latest
      : { ...latest, dueDigest: digest },
  )
}
