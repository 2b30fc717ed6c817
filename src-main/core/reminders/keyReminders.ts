import type { KeyId } from '../keys/keyId'
import { clearNotified, recordNotified, reminderRows, setSnooze } from './reminderStore'
import { readKeyById } from '../keys/keyRepository'
import { byProviderAndName } from '../keys/keyRecord'
import { selectReminderCandidates } from '../keys/deadlineStore'
import type { Notice } from '../ports/Notifier'
import type { VaultSession } from '../vault/VaultSession'
import { remindBeforeDefault } from '../vault/settings'
import { keyStateOf, type KeyStateKind } from '../keys/keyState'

export type Snooze = '1d' | '1w' | 'next-state'

export interface KeyNotice extends Notice {
  readonly keyId: string
  readonly ref: string
  readonly state: KeyStateKind
}

const SNOOZE_MS: Record<Exclude<Snooze, 'next-state'>, number> = { '1d': 86_400_000, '1w': 7 * 86_400_000 }

const TITLES: Partial<Record<KeyStateKind, string>> = {
  expired: 'Key expired',
  rejected: 'Key rejected by its provider',
  overdue: 'Key overdue for rotation',
  due: 'Key due soon',
}

/**
 * The notifications due while the vault is unlocked: one per key per state change (ok → due → overdue/expired, or
 * rejected by its provider: keyState's attention kinds),
 * unless snoozed — for a day, a week, or until the key's next state. Returning to ok re-arms a key. Each notice is
 * recorded in `reminders`, so neither the app nor the next start repeats it.
 */
export function pendingKeyNotices(session: VaultSession): KeyNotice[] {
  const now = session.clock.now()
  const rows = new Map(reminderRows(session).map((row) => [row.key_id, row]))
  const notices: KeyNotice[] = []
  const window = remindBeforeDefault(session)
  const candidates = selectReminderCandidates(session, window).sort(byProviderAndName)
  for (const key of candidates) {
    const reminder = keyStateOf(key, now, window)
    const title = TITLES[reminder.kind]
    const row = rows.get(key.id)
    if (title === undefined) {
      if (row?.last_notified_state !== undefined && row.last_notified_state !== null) clearNotified(session, key.id)
      continue
    }
    if (row?.last_notified_state === reminder.kind) continue
    const snoozed = row?.snoozed_until
    if (
      snoozed !== null &&
      snoozed !== undefined &&
      (snoozed.startsWith('state:') ? snoozed === `state:${reminder.kind}` : Date.parse(snoozed) > now.getTime())
    )
      continue
    recordNotified(session, key.id, reminder.kind, now.toISOString())
    notices.push({ keyId: key.id, ref: key.ref, state: reminder.kind, title, body: `${key.ref}: ${reminder.reason}.` })
  }
  return notices
}

/** Snoozes a key's reminders: for a day, a week, or until its state changes. */
export function snoozeKey(session: VaultSession, keyId: KeyId, snooze: Snooze): void {
  const now = session.clock.now()
  const key = readKeyById(session, keyId)
  const until =
    snooze === 'next-state'
      ? `state:${keyStateOf(key, now, remindBeforeDefault(session)).kind}`
      : new Date(now.getTime() + SNOOZE_MS[snooze]).toISOString()
  setSnooze(session, keyId, until)
}
