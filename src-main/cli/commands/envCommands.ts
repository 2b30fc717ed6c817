import { spawn } from 'node:child_process'
import type { Command } from 'commander'
import {
  environmentFor,
  writeDotenvExample,
  writeKeysToDotenv,
  type KeySelection,
} from '../../core/dotenv/keySelection'
import { importDotenv } from '../../core/providers/envImport'
import { KeywardError } from '../../core/errors'
import { keyIdOf } from '../../core/keys/keyRef'
import type { VaultSession } from '../../core/vault/VaultSession'
import { withVault, type CliContext } from '../context'
import { json } from '../render'
import { childEnvironment } from '../../core/process/childEnvironment'

type Choice = { readonly environment: string } | { readonly refs: readonly string[] }

function choice(flags: { environment?: string; keys?: string }): Choice {
  if ((flags.environment === undefined) === (flags.keys === undefined))
    throw new KeywardError('INVALID_INPUT', 'Choose the keys with either --environment ENV or --keys REF,REF…')
  return flags.environment !== undefined
    ? { environment: flags.environment }
    : {
        refs: (flags.keys ?? '')
          .split(',')
          .map((ref) => ref.trim())
          .filter((ref) => ref !== ''),
      }
}

/** Refs are the CLI's names for keys: resolved here, at the edge, into the ids the core takes. */
function selection(session: VaultSession, chosen: Choice): KeySelection {
  return 'refs' in chosen ? { ids: chosen.refs.map((ref) => keyIdOf(session, ref)) } : chosen
}

export function registerEnvCommands(program: Command, context: CliContext): void {
  const { terminal } = context
  const env = program.command('env').description('.env files: write keys into them, import from them, make an example')

  env
    .command('write <FILE>')
    .description('merge keys into FILE, changing only their assignments (atomic; new files 0600)')
    .option('--environment <ENV>', 'every active key of this environment')
    .option('--keys <REFS>', 'these keys, comma-separated')
    .option('--dry-run', 'say what would change; write nothing')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, flags: { environment?: string; keys?: string; dryRun?: boolean; json?: boolean }) => {
      const result = await withVault(context, (session) =>
        writeKeysToDotenv(session, file, selection(session, choice(flags)), flags.dryRun === true),
      )
      for (const warning of result.warnings) terminal.err(`warning: ${warning}`)
      if (flags.json === true) return json(terminal, result)
      const verb = flags.dryRun === true ? 'would' : 'did'
      terminal.err(
        `${result.file}: ${verb} update ${result.updated.join(', ') || 'nothing'}; ${verb} add ${result.added.join(', ') || 'nothing'}${result.unchanged.length > 0 ? `; already current: ${result.unchanged.join(', ')}` : ''}.`,
      )
    })

  env
    .command('import <FILE>')
    .description('create keys from the recognisable API keys in a .env file (duplicates skipped)')
    .option('--environment <ENV>', 'environment of the new keys', 'development')
    .option('--dry-run', 'report only')
    .option('--json', 'print the report as JSON')
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
    .action((file: string, flags: { out?: string }) => {
      const out = flags.out ?? `${file}.example`
      const names = writeDotenvExample(file, out)
      terminal.err(`Wrote ${out} with ${names.length} variables.`)
    })

  program
    .command('run')
    .description('run a command with keys in its environment; nothing is written to disk')
    .option('--environment <ENV>', 'every active key of this environment')
    .option('--keys <REFS>', 'these keys, comma-separated')
    .argument('<COMMAND...>', 'the command and its arguments, after --')
    .passThroughOptions()
    .action(async (command: string[], flags: { environment?: string; keys?: string }) => {
      const [program_, ...args] = command
      if (program_ === undefined)
        throw new KeywardError(
          'INVALID_INPUT',
          'Name the command after --, e.g. keyward run --environment production -- npm start',
        )
      const variables = await withVault(context, (session) =>
        environmentFor(session, selection(session, choice(flags)), program_),
      )
      // The master password that unlocked the vault for this command never reaches the child.
      const child = spawn(program_, args, { stdio: 'inherit', env: { ...childEnvironment(context.env), ...variables } })
      const forward = (signal: NodeJS.Signals) => () => child.kill(signal)
      for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, forward(signal))
      const code = await new Promise<number>((resolve) => {
        child.on('error', () => resolve(127))
        child.on('exit', (exitCode, signal) =>
          resolve(exitCode ?? (signal === null ? 1 : 128 + (signalNumbers[signal] ?? 1))),
        )
      })
      if (code === 127 && child.exitCode === null) terminal.err(`keyward: could not start ${program_}.`)
      process.exitCode = code
    })
}

const signalNumbers: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 }
