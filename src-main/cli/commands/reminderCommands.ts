import type { Command } from 'commander'
import { healthReport } from '../../core/reminders/health'
import { dueWithin } from '../../core/reminders/attention'
import { STATE_WORDS } from '../../core/keys/keyState'
import { DEFAULT_REMIND_BEFORE_DAYS } from '../../core/keys/reminderState'
import { readSetting, remindBeforeDefault, setRemindBeforeDefault, writeSetting } from '../../core/vault/settings'
import { withVault, type CliContext } from '../context'
import { json, table } from '../render'
import { wholeNumber } from '../wholeNumber'

export function registerReminderCommands(program: Command, context: CliContext): void {
  const { terminal } = context

  program
    .command('due')
    .description(
      'keys that need attention (expired, rejected by the provider, overdue, due), and those due within the window (default 14 days)',
    )
    .option('--within <DAYS>', 'window in days', String(DEFAULT_REMIND_BEFORE_DAYS))
    .option('-j, --json', 'print a JSON array')
    .action(async (flags: { within: string; json?: boolean }) => {
      const within = wholeNumber('--within', flags.within, 'days') ?? DEFAULT_REMIND_BEFORE_DAYS
      const due = await withVault(context, (session) => dueWithin(session, within))
      // `state` as before (now any kind of keyState: a rejected key is due too), `attention` whether it needs it.
      if (flags.json === true)
        return json(
          terminal,
          due.map(({ ref, kind, reason, deadline, attention }) => ({ ref, state: kind, reason, deadline, attention })),
        )
      if (due.length === 0)
        return terminal.err(`Nothing needs attention, expires or is due for rotation within ${flags.within} days.`)
      table(
        terminal,
        ['KEY', 'STATE', 'WHY'],
        due.map((state) => [state.ref, STATE_WORDS[state.kind], state.reason]),
      )
    })

  program
    .command('settings')
    .description('vault-wide settings; with no option, print them')
    .option('--remind-before <DAYS>', "default days of warning before an expiry or rotation (a key's own setting wins)")
    .option('--auto-lock <MINUTES>', 'the desktop app locks after this long without activity (0 = never)')
    .option('-j, --json', 'print JSON')
    .action(async (flags: { remindBefore?: string; autoLock?: string; json?: boolean }) => {
      const settings = await withVault(context, (session) => {
        const days = wholeNumber('--remind-before', flags.remindBefore, 'days')
        const minutes = wholeNumber('--auto-lock', flags.autoLock, 'minutes')
        if (days !== undefined) setRemindBeforeDefault(session, days)
        if (minutes !== undefined) writeSetting(session, 'autoLockMinutes', minutes)
        return {
          remindBeforeDays: remindBeforeDefault(session),
          autoLockMinutes: readSetting(session, 'autoLockMinutes'),
        }
      })
      if (flags.json === true) return json(terminal, settings)
      terminal.out(`remind-before: ${settings.remindBeforeDays} days`)
      terminal.out(`auto-lock: ${settings.autoLockMinutes === 0 ? 'never' : `${settings.autoLockMinutes} minutes`}`)
    })

  program
    .command('health')
    .description(
      'overdue, expired, no expiry, unused 90+ days, duplicate values, keys in .env files git may commit or others may read',
    )
    .option('-j, --json', 'print the report as JSON')
    .action(async (flags: { json?: boolean }) => {
      const report = await withVault(context, (session) => healthReport(session))
      if (flags.json === true) return json(terminal, report)
      for (const [title, entries] of Object.entries(report.sections)) {
        terminal.out(`${title} (${entries.length})`)
        for (const entry of entries) terminal.out(`  ${entry.ref}: ${entry.detail}`)
      }
    })
}
