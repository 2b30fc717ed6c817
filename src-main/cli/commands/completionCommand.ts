import type { Command } from 'commander'
import { KeywardError } from '../../core/errors'
import { completionScript, SHELLS_COMPLETED, type CompletionShell } from '../completion'
import { completeRefs } from '../agent/completeRefs'
import type { CliContext } from '../context'

export function registerCompletionCommand(program: Command, context: CliContext): void {
  program
    .command('completion <SHELL>')
    .description(`print a completion script for ${SHELLS_COMPLETED.join(', ')} (key refs come from an unlocked agent)`)
    .action((shell: string) => {
      if (!SHELLS_COMPLETED.includes(shell as CompletionShell))
        throw new KeywardError('INVALID_INPUT', `keyward completion takes ${SHELLS_COMPLETED.join(', ')}.`)
      context.terminal.out(completionScript(program, shell as CompletionShell))
    })
  // The fast entry answers this itself; here for `--no-agent` runs and completeness. Never unlocks anything.
  program.command('__complete-refs', { hidden: true }).action(async () => {
    await completeRefs(context.terminal, context.env, context.vaultDir())
  })
}
