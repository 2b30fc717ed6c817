import type { Handlers } from '../ipc/handle'
import { editKey } from '../keys/keyRepository'
import { attention } from '../reminders/attention'
import { healthReport, type HealthReport } from '../reminders/health'
import { snoozeKey } from '../reminders/keyReminders'
import { snoozeOf } from '../reminders/reminderStore'
import { readSetting } from '../vault/settings'
import type { VaultService } from '../vault/VaultService'
import { idOf, summarize } from './keySummary'

export type ReminderChannel = 'reminders:attention' | 'key:snooze' | 'key:schedule' | 'health:report'

/** The window's ids and titles for the CLI's health sections, in the order the Health screen shows them. */
const SECTIONS = [
  ['rejected', 'rejected', 'Rejected by the provider'],
  ['expired', 'expired', 'Expired'],
  ['overdue', 'overdue', 'Overdue rotation'],
  ['exposed', 'exposed .env files', 'Exposed .env files'],
  ['duplicates', 'duplicate values', 'Duplicates'],
  ['no-expiry', 'no expiry', 'No expiry date'],
  ['unused', 'unused 90+ days', 'Unused 90+ days'],
] as const satisfies readonly (readonly [string, keyof HealthReport['sections'], string])[]

/** What a card lists before "And N more.": enough to work through; the rest come up as these are fixed. */
const MAX_ENTRIES = 500

/** Needs attention, snooze, inline expiry/rotation, and the health report: the core the CLI's due/health use. */
export function createReminderHandlers(vault: VaultService): Pick<Handlers, ReminderChannel> {
  return {
    'reminders:attention': () =>
      vault.run(({ session }) => {
        const found = attention(session)
        const toSummary = summarize(session)
        return {
          today: found.today,
          items: found.items.map((item) => ({ ...item, key: toSummary(item.key) })),
          itemsTotal: found.itemsTotal,
          noExpiry: { count: found.noExpiry.count, keys: found.noExpiry.keys.map(toSummary) },
          timeline: { weeks: [...found.timeline.weeks], dates: [...found.timeline.dates], total: found.timeline.total },
        }
      }),
    'key:snooze': ({ id, snooze }) =>
      vault.run(({ session }) => {
        const keyId = idOf(id)
        snoozeKey(session, keyId, snooze)
        return { snoozedUntil: snoozeOf(session, keyId) ?? '' }
      }),
    'key:schedule': ({ id, expiresAt, rotateEveryDays }) =>
      vault.run(({ session }) => ({
        key: summarize(session)(editKey(session, idOf(id), { expiresAt, rotateEveryDays })),
      })),
    'health:report': () =>
      vault.run(({ session }) => {
        const report = healthReport(session, MAX_ENTRIES)
        return {
          keys: report.keys,
          recoveryKitConfirmed: readSetting(session, 'recoveryKitPending') === 0,
          sections: SECTIONS.map(([id, section, title]) => {
            return { id, title, entries: [...report.sections[section]], total: report.totals[section] }
          }),
        }
      }),
  }
}
