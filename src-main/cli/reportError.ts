import { KeywardError } from '../core/errors'
import { terminalSafe } from '../core/security/terminalText'
import { renderHint } from './errorHint'
import { EXIT, exitCodeFor } from './exitCodes'
import { Interrupted, type Terminal } from './terminal'

/** Ends a command on an error: its message and hint on stderr (never a stack), and the exit code for its kind. */
export function reportError(terminal: Terminal, error: unknown): number {
  if (error instanceof Interrupted) return EXIT.interrupted
  if (error instanceof KeywardError) {
    terminal.err(terminalSafe(`keyward: ${error.message}${renderHint(error.hint)}`))
    return exitCodeFor(error.code)
  }
  const name = error instanceof Error ? error.name : typeof error
  terminal.err(
    `keyward: unexpected ${name}. This is a bug; please report it with the command you ran (never its values).`,
  )
  return EXIT.failure
}

/** JSON on stdout, indented (every `--json`). */
export function json(terminal: Terminal, value: unknown): void {
  terminal.out(JSON.stringify(value, null, 2))
}
