import { Command, CommanderError, Option } from 'commander'
import { registerCopyCommand } from './commands/copyCommand'
import { registerEnvCommands } from './commands/envCommands'
import { registerKeyCommands } from './commands/keyCommands'
import { registerTrashCommands } from './commands/trashCommands'
import { registerProviderCommands } from './commands/providerCommands'
import { registerReminderCommands } from './commands/reminderCommands'
import { registerVaultCommands } from './commands/vaultCommands'
import { cliContext, type GlobalFlags } from './context'
import { registerAgentCommands } from './commands/agentCommands'
import { EXIT } from './exitCodes'
import { jsonError, reportError, wantsJson } from './reportError'
import { examplesText } from './examples'
import { GLOBAL_OPTIONS } from './globalOptions'
import { registerCompletionCommand } from './commands/completionCommand'
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
  let acting: Command | null = null
  const asJson = wantsJson(argv)
  const context = cliContext(terminal, env, () => globalFlags(program, acting), options.agentTried === true)
  program.description('Keyward: a local, encrypted vault for your API keys').version(version)
  for (const [flags, description] of GLOBAL_OPTIONS) program.option(flags, description)
  // Set before the commands are added, so each inherits them: its help lists the global flags; commander's own
  // errors carry the one prefix every error has (or the --json error shape).
  program
    .configureHelp({ showGlobalOptions: true })
    // Options after a subcommand belong to it; `keyward run … -- CMD` passes the rest to CMD untouched.
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({
      writeOut: (text) => terminal.out(text.trimEnd()),
      writeErr: (text) => terminal.err(text.trimEnd()),
      outputError: (text, write) => {
        const message = text.trim().replace(/^error: /, '')
        if (asJson) write(jsonError('INVALID_INPUT', `${message[0]?.toUpperCase() ?? ''}${message.slice(1)}.`))
        else write(`keyward: ${message}`)
      },
    })
  registerVaultCommands(program, context)
  registerKeyCommands(program, context)
  registerTrashCommands(program, context)
  registerProviderCommands(program, context)
  registerEnvCommands(program, context)
  registerReminderCommands(program, context)
  registerCopyCommand(program, context)
  registerAgentCommands(program, context)
  registerCompletionCommand(program, context)
  for (const command of allCommands(program)) {
    const words = commandWords(command)
    command.exitOverride()
    // A usage error names the help of the command it is about.
    if (!asJson) command.showHelpAfterError(`(keyward ${words === '' ? '' : `${words} `}--help lists its options)`)
    const examples = examplesText(words)
    if (examples !== null) command.addHelpText('after', examples)
  }
  // `keyward list --vault DIR` as well as `keyward --vault DIR list`: each command takes the global flags too
  // (hidden in its own options; its help shows them once, as global options).
  for (const command of leafCommands(program))
    for (const [flags, description] of GLOBAL_OPTIONS) command.addOption(new Option(flags, description).hideHelp())
  program.hook('preAction', (_root, action) => {
    acting = action
  })

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
    return reportError(terminal, error, asJson)
  }
}

/** Every command below `command`, hidden ones included, and `command` itself. */
function allCommands(command: Command): Command[] {
  return [command, ...command.commands.flatMap(allCommands)]
}

/** A command's words below `keyward` ("env write"; "" for keyward itself). */
function commandWords(command: Command): string {
  const words: string[] = []
  for (let at: Command | null = command; at?.parent != null; at = at.parent) words.unshift(at.name())
  return words.join(' ')
}

/** Commands that run (have no subcommands of their own). */
function leafCommands(command: Command): Command[] {
  return command.commands.flatMap((child) => (child.commands.length === 0 ? [child] : leafCommands(child)))
}

/** The global flags, given before the command or after it (there, only what was typed counts). */
function globalFlags(program: Command, acting: Command | null): GlobalFlags {
  const root = program.opts<GlobalFlags>()
  if (acting === null || acting === program) return root
  const given = (name: keyof GlobalFlags) => acting.getOptionValueSource(name) === 'cli'
  const own = acting.opts<GlobalFlags>()
  return {
    ...root,
    ...(given('vault') ? { vault: own.vault } : {}),
    ...(given('agent') ? { agent: own.agent } : {}),
    ...(given('passwordFd') ? { passwordFd: own.passwordFd } : {}),
  }
}
