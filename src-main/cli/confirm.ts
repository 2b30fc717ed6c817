import { KeywardError } from '../core/errors'
import type { Terminal } from './terminal'

/**
 * Asks before an irreversible step. No terminal to ask on is a usage error that names `--yes` (exit 2); "n" is the
 * user's answer, said back as what did not happen ("Not deleted.", exit 1) — two different things to a script.
 */
export async function confirmOrStop(terminal: Terminal, question: string, notDone: string): Promise<void> {
  if (!terminal.interactive)
    throw new KeywardError('INVALID_INPUT', `${notDone}: there is no terminal to confirm on; pass --yes.`)
  if (!(await terminal.confirm(question))) throw new KeywardError('CANCELLED', `${notDone}.`)
}
