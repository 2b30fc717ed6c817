import { Command, CommanderError } from 'commander'
import { registerCopyCommand } from './commands/copyCommand'
import { registerEnvCommands } from './commands/envCommands'
import { registerKeyCommands } from './commands/keyCommands'
import { registerProviderCommands } from './commands/providerCommands'
import { registerReminderCommands } from './commands/reminderCommands'
import { registerVaultCommands } from './commands/vaultCommands'
import { cliContext, type GlobalFlags } from './context'
import { registerAgentCommands } from './commands/agentCommands'
import { EXIT } from './exitCodes'
import { reportError } from './reportError'
import type { Terminal } from './terminal'

/** Runs one `keyward` invocation and returns its exit code. Errors become a message on stderr, never a stack. */
export async function runCli(
  argv: readonly string[],
  terminal: Terminal,
  env: NodeJS.ProcessEnv,
  version: string,
  options: { agentTried?: boolean } = {},
): Promise<number> {
  const program = new Command('keyward')
  const context = cliContext(terminal, env, () => program.opts<GlobalFlags>(), options.agentTried === true)
  program
    .description('Keyward: a local, encrypted vault for your API keys')
    .version(version)
    .option('--vault <DIR>', "vault directory (default: $KEYWARD_VAULT_DIR, else the desktop app's)")
    .option('--no-agent', 'do not ask a running agent (the app, or keyward agent start); unlock with the password')
    .option('--password-fd <N>', 'read the master password from file descriptor N (implies --no-agent)')
    .showHelpAfterError('(keyward --help lists the commands)')
    // Options after a subcommand belong to it; `keyward run … -- CMD` passes the rest to CMD untouched.
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({
      writeOut: (text) => terminal.out(text.trimEnd()),
      writeErr: (text) => terminal.err(text.trimEnd()),
    })
  registerVaultCommands(program, context)
  registerKeyCommands(program, context)
  registerProviderCommands(program, context)
  registerEnvCommands(program, context)
  registerReminderCommands(program, context)
  registerCopyCommand(program, context)
  registerAgentCommands(program, context)
  for (const command of program.commands) command.exitOverride()

  try {
    await program.parseAsync(argv, { from: 'user' })
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.code === 'commander.help'
        ? EXIT.ok
        : EXIT.usage
    }
    return reportError(terminal, error)
  }
}
