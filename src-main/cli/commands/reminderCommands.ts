import type { Command } from 'commander'
import { healthReport, type HealthEntry, type HealthReport } from '../../core/reminders/health'
import { fixExposure } from '../../core/dotenv/fileExposure'
import { EXIT } from '../exitCodes'
import type { Terminal } from '../terminal'
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
    .option('--exit-code', 'exit 1 when any key needs attention (for CI and cron)')
    .option('-j, --json', 'print a JSON array')
    .action(async (flags: { within: string; exitCode?: boolean; json?: boolean }) => {
      const within = wholeNumber('--within', flags.within, 'days') ?? DEFAULT_REMIND_BEFORE_DAYS
      const due = await withVault(context, (session) => dueWithin(session, within))
      if (flags.exitCode === true && due.some((state) => state.attention)) process.exitCode = EXIT.failure
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
        { column: 1, kinds: due.map((state) => state.kind) },
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
    .option('--fix', 'apply the safe fixes: chmod 600 files others can read, add files git may commit to .gitignore')
    .option('--exit-code', 'exit 1 when a key is rejected, overdue or expired, a value is shared, or a file exposed')
    .option('-j, --json', 'print the report as JSON')
    .action(async (flags: { fix?: boolean; exitCode?: boolean; json?: boolean }) => {
      const { report, fixed } = await withVault(context, (session) => {
        const applied = flags.fix === true ? applySafeFixes(healthReport(session)) : []
        return { report: healthReport(session), fixed: applied }
      })
      if (flags.exitCode === true && ATTENTION_SECTIONS.some((title) => report.totals[title] > 0))
        process.exitCode = EXIT.failure
      if (flags.json === true) return json(terminal, flags.fix === true ? { ...report, fixed } : report)
      for (const line of fixed) terminal.err(`Fixed: ${line}`)
      printHealth(terminal, report)
    })
}

type Section = keyof HealthReport['sections']

/** What `--exit-code` counts: the sections that need doing something (advice — no expiry, unused — does not). */
const ATTENTION_SECTIONS: readonly Section[] = [
  'rejected',
  'overdue',
  'expired',
  'duplicate values',
  'exposed .env files',
]

/** The command that fixes an entry of a section (files have their own, by exposure). */
const FIX: Readonly<Record<Exclude<Section, 'exposed .env files'>, (ref: string) => string>> = {
  rejected: (ref) => `keyward rotate ${ref}`,
  overdue: (ref) => `keyward rotate ${ref}`,
  expired: (ref) => `keyward rotate ${ref} --expires YYYY-MM-DD`,
  'no expiry': (ref) => `keyward edit ${ref} --expires YYYY-MM-DD (or --rotate-every 90d)`,
  'unused 90+ days': (ref) => `keyward revoke ${ref}, then keyward rm ${ref}`,
  'duplicate values': (ref) => `keyward set-value ${ref} (give each use its own key)`,
}

function fixFor(entry: HealthEntry): string {
  switch (entry.exposure) {
    case 'not-ignored':
      return 'keyward health --fix (adds it to .gitignore)'
    case 'readable':
      return 'keyward health --fix (chmod 600)'
    case 'tracked':
      return `git rm --cached ${entry.file ?? ''}, then keyward health --fix`
    case null:
      return ''
  }
}

/** --fix: the fixes that cannot lose anything (a mode, a .gitignore line); a tracked file needs the user's commit. */
function applySafeFixes(report: HealthReport): string[] {
  const done: string[] = []
  const seen = new Set<string>()
  for (const entry of report.sections['exposed .env files']) {
    const key = `${entry.file ?? ''}\0${entry.exposure ?? ''}`
    if (entry.file === null || seen.has(key)) continue
    seen.add(key)
    if (entry.exposure === 'readable') {
      fixExposure(entry.file, 'chmod')
      done.push(`${entry.file} is now readable by you only (600).`)
    } else if (entry.exposure === 'not-ignored') {
      fixExposure(entry.file, 'gitignore')
      done.push(`${entry.file} is now in the .gitignore beside it.`)
    }
  }
  return done
}

/** Sections by key, each entry with the command that fixes it; exposed files grouped by file, their keys listed. */
function printHealth(terminal: Terminal, report: HealthReport): void {
  for (const [title, entries] of Object.entries(report.sections) as [Section, readonly HealthEntry[]][]) {
    if (title === 'exposed .env files') continue
    terminal.out(`${title} (${entries.length})`)
    for (const entry of entries) terminal.out(`  ${entry.ref}: ${entry.detail}\n    fix: ${FIX[title](entry.ref)}`)
  }
  const byFile = new Map<string, HealthEntry[]>()
  for (const entry of report.sections['exposed .env files'])
    byFile.set(entry.file ?? '', [...(byFile.get(entry.file ?? '') ?? []), entry])
  terminal.out(`exposed .env files (${byFile.size})`)
  for (const [file, entries] of byFile) {
    terminal.out(`  ${file} (${[...new Set(entries.map((entry) => entry.ref))].join(', ')})`)
    const kinds = new Map(entries.map((entry) => [entry.exposure, entry]))
    for (const entry of kinds.values()) terminal.out(`    ${entry.detail}\n    fix: ${fixFor(entry)}`)
  }
}
