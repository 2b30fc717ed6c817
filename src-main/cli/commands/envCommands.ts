import type { Command } from 'commander'
import { writeDotenvExample } from '../../core/dotenv/keySelection'
import { SHELLS, type Shell } from '../../core/dotenv/shellExports'
import { importDotenv } from '../../core/providers/envImport'
import { KeywardError } from '../../core/errors'
import { withKeyAccess, withVault, type CliContext } from '../context'
import { injectEnv, keyChoice, runWithKeys, shellEnv, writeEnv } from '../reads'
import { json } from '../render'

export function registerEnvCommands(program: Command, context: CliContext): void {
  const { terminal } = context
  const env = program.command('env').description('.env files: write keys into them, import from them, make an example')

  env
    .command('write <FILE>')
    .description('merge keys into FILE, changing only their assignments (atomic; new files 0600)')
    .option('-e, --environment <ENV>', 'every active key of this environment')
    .option('-k, --keys <REFS>', 'these keys, comma-separated')
    .option('--dry-run', 'say what would change; write nothing')
    .option('-j, --json', 'print the result as JSON')
    .action(async (file: string, flags: { environment?: string; keys?: string; dryRun?: boolean; json?: boolean }) => {
      const { selection } = keyChoice(flags, false)
      if (selection === null) return
      await withKeyAccess(context, (access) =>
        writeEnv(access, terminal, file, selection, {
          dryRun: flags.dryRun === true,
          json: flags.json === true,
        }),
      )
    })

  env
    .command('inject <TEMPLATE>')
    .description('write --out FILE from TEMPLATE with its keyward://provider/name references resolved (0600 when new)')
    .requiredOption('--out <FILE>', 'the file to write (merged like env write: only its assignments change)')
    .option('--dry-run', 'say what would change; write nothing')
    .option('-j, --json', 'print the result as JSON')
    .action(async (template: string, flags: { out: string; dryRun?: boolean; json?: boolean }) =>
      withKeyAccess(context, (access) =>
        injectEnv(access, terminal, template, flags.out, {
          dryRun: flags.dryRun === true,
          json: flags.json === true,
        }),
      ),
    )

  env
    .command('shell <FILE>')
    .description('print FILE\'s variables as export lines, references resolved: eval "$(keyward env shell FILE)"')
    .option('--shell <SHELL>', `${SHELLS.join(', ')}`, 'bash')
    .action(async (file: string, flags: { shell: string }) => {
      if (!SHELLS.includes(flags.shell as Shell))
        throw new KeywardError('INVALID_INPUT', `--shell is one of ${SHELLS.join(', ')}.`)
      await withKeyAccess(context, (access) => shellEnv(access, terminal, file, flags.shell as Shell))
    })

  env
    .command('import <FILE>')
    .description('create keys from the recognisable API keys in a .env file (duplicates skipped)')
    .option('-e, --environment <ENV>', 'environment of the new keys', 'development')
    .option('--dry-run', 'report only')
    .option('-j, --json', 'print the report as JSON')
    .action(async (file: string, flags: { environment: string; dryRun?: boolean; json?: boolean }) => {
      const report = await withVault(context, (session) =>
        importDotenv(session, file, flags.environment, flags.dryRun === true),
      )
      if (flags.json === true) return json(terminal, report)
      terminal.out(`${flags.dryRun === true ? 'Would create' : 'Created'}: ${report.created.join(', ') || 'none'}`)
      if (report.duplicates.length > 0)
        terminal.out(
          `Skipped, already stored: ${report.duplicates.map((entry) => `${entry.variable} (= ${entry.existing})`).join(', ')}`,
        )
      if (report.conflicts.length > 0)
        terminal.out(
          `Skipped, name already taken: ${report.conflicts.map((entry) => `${entry.variable} (${entry.existing})`).join(', ')}`,
        )
      if (report.placeholders.length > 0) terminal.out(`Not imported, placeholders: ${report.placeholders.join(', ')}`)
      if (report.unrecognised.length > 0)
        terminal.out(`Not imported, no known key format: ${report.unrecognised.join(', ')}`)
      if (report.temporary.length > 0)
        terminal.out(
          'Not imported, temporary AWS keys (they need a session token and expire within hours): ' +
            report.temporary.join(', '),
        )
    })

  env
    .command('example <FILE>')
    .description("write FILE.example listing FILE's variables with empty values (no vault needed)")
    .option('--out <PATH>', 'where to write it (default: FILE.example)')
    .option('-j, --json', 'print { file, variables } as JSON')
    .action((file: string, flags: { out?: string; json?: boolean }) => {
      const out = flags.out ?? `${file}.example`
      const names = writeDotenvExample(file, out)
      if (flags.json === true) json(terminal, { file: out, variables: names })
      else terminal.err(`Wrote ${out} with ${names.length} variables.`)
    })

  program
    .command('run')
    .description('run a command with keys in its environment; nothing is written to disk')
    .option('-e, --environment <ENV>', 'every active key of this environment')
    .option('-k, --keys <REFS>', 'these keys, comma-separated')
    .option('--env-file <FILE>', 'a dotenv file whose keyward://provider/name references are resolved')
    .argument('<COMMAND...>', 'the command and its arguments, after --')
    .passThroughOptions()
    .action(async (command: string[], flags: { environment?: string; keys?: string; envFile?: string }) => {
      const choice = keyChoice(flags, true)
      process.exitCode = await withKeyAccess(context, (access) =>
        runWithKeys(access, terminal, context.env, choice, command),
      )
    })
}
