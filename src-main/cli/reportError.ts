import { KeywardError, type ErrorCode } from '../core/errors'
import { terminalSafe } from '../core/security/terminalText'
import { flagPrefix, renderHint } from './errorHint'
import { EXIT, exitCodeFor } from './exitCodes'
import { Interrupted, type Terminal } from './terminal'

/** Whether the command asked for JSON (`--json` or `-j` before any `--`): then errors are JSON too. */
export function wantsJson(argv: readonly string[]): boolean {
  const split = argv.indexOf('--')
  return (split < 0 ? argv : argv.slice(0, split)).some((arg) => arg === '--json' || arg === '-j')
}

/** The `--json` error shape on stderr: `{ "error": { "code", "message" } }`. */
export function jsonError(code: ErrorCode, message: string): string {
  return JSON.stringify({ error: { code, message } })
}

/**
 * Ends a command on an error: its message and hint on stderr (never a stack), or the JSON error shape under
 * --json, and the exit code for its kind.
 */
export function reportError(terminal: Terminal, error: unknown, asJson = false): number {
  if (error instanceof Interrupted) return EXIT.interrupted
  if (error instanceof KeywardError) {
    const message = terminalSafe(`${flagPrefix(error.hint)}${error.message}${renderHint(error.hint)}`)
    terminal.err(asJson ? jsonError(error.code, message) : `keyward: ${message}`)
    return exitCodeFor(error.code)
  }
  const name = error instanceof Error ? error.name : typeof error
  const message = `Unexpected ${name}. This is a bug; please report it with the command you ran (never its values).`
  terminal.err(asJson ? jsonError('INTERNAL', message) : `keyward: ${message[0]?.toLowerCase()}${message.slice(1)}`)
  return EXIT.failure
}

/** JSON on stdout, indented (every `--json`). */
export function json(terminal: Terminal, value: unknown): void {
  terminal.out(JSON.stringify(value, null, 2))
}
