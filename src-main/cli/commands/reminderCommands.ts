import type { Command } from 'commander'
import { KeywardError } from '../../core/errors'
import { listKeys } from '../../core/keys/keyRepository'
import { healthReport } from '../../core/reminders/health'
import { DEFAULT_REMIND_BEFORE_DAYS, dueKeys } from '../../core/reminders/reminderState'
import { remindBeforeDefault, setRemindBeforeDefault } from '../../core/vault/settings'
import { withVault, type CliContext } from '../context'
import { json, table } from '../render'

export function registerReminderCommands(program: Command, context: CliContext): void {
  const { terminal } = context

  program
    .command('due')
    .description('keys that expired, are overdue for rotation, or fall due within the window (default 14 days)')
    .option('--within <DAYS>', 'window in days', String(DEFAULT_REMIND_BEFORE_DAYS))
    .option('--json', 'print a JSON array')
    .action(async (flags: { within: string; json?: boolean }) => {
      if (!/^\d+$/.test(flags.within)) throw new KeywardError('INVALID_INPUT', '--within takes a whole number of days.')
      const due = await withVault(context, (session) => dueKeys(listKeys(session), session.clock.now(), Number(flags.within), remindBeforeDefault(session)))
      if (flags.json === true) return json(terminal, due)
      if (due.length === 0) return terminal.err(`Nothing expires or is due for rotation within ${flags.within} days.`)
      table(terminal, ['KEY', 'STATE', 'WHY'], due.map((reminder) => [reminder.ref, reminder.state, reminder.reason]))
    })

  program
    .command('settings')
    .description('vault-wide settings; with no option, print them')
    .option('--remind-before <DAYS>', 'default days of warning before an expiry or rotation (a key\'s own setting wins)')
    .option('--json', 'print JSON')
    .action(async (flags: { remindBefore?: string; json?: boolean }) => {
      const settings = await withVault(context, (session) => {
        if (flags.remindBefore !== undefined) {
          if (!/^\d+$/.test(flags.remindBefore)) throw new KeywardError('INVALID_INPUT', '--remind-before takes a whole number of days.')
          setRemindBeforeDefault(session, Number(flags.remindBefore))
        }
        return { remindBeforeDays: remindBeforeDefault(session) }
      })
      if (flags.json === true) return json(terminal, settings)
      terminal.out(`remind-before: ${settings.remindBeforeDays} days`)
    })

  program
    .command('health')
    .description('overdue, expired, no expiry, unused 90+ days, duplicate values, keys in files git may commit')
    .option('--json', 'print the report as JSON')
    .action(async (flags: { json?: boolean }) => {
      const report = await withVault(context, (session) => healthReport(session))
      if (flags.json === true) return json(terminal, report)
      for (const [title, entries] of Object.entries(report.sections)) {
        terminal.out(`${title} (${entries.length})`)
        for (const entry of entries) terminal.out(`  ${entry.ref}: ${entry.detail}`)
      }
    })
}
