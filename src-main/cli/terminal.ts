import { closeSync, openSync } from 'node:fs'
import { KeywardError } from '../core/errors'
import { terminalSafe } from '../core/security/terminalText'

/** Where the CLI talks: data to stdout, everything for the human to stderr, prompts on the terminal. */
export interface Terminal {
  readonly stdoutIsTTY: boolean
  readonly color: boolean
  out(text: string): void
  err(text: string): void
  /** A no-echo prompt on the controlling terminal, or null when there is none. */
  promptHidden(question: string): Promise<string | null>
  /** A yes/no question on the terminal; false when there is none. */
  confirm(question: string): Promise<boolean>
  /** A visible one-line answer on the terminal, or null when there is none. */
  ask(question: string): Promise<string | null>
  /** Whether prompts can reach a person (a controlling terminal exists). */
  readonly interactive: boolean
  /** All of stdin (for --value-stdin). */
  readStdin(): Promise<string>
}

/** A value is at most 16 KiB; stdin is read no further than 1 MiB, whatever is piped in. */
export const MAX_STDIN_BYTES = 1024 * 1024

/** Reads a stream up to `limit` bytes as strict UTF-8: more, or bytes that are not UTF-8, is a usage error. */
export async function readBoundedUtf8(stream: AsyncIterable<Buffer | string>, limit: number): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
    size += bytes.length
    if (size > limit)
      throw new KeywardError(
        'INVALID_INPUT',
        `stdin holds more than ${limit / 1024 / 1024} MiB; a value is at most 16 KiB.`,
      )
    chunks.push(bytes)
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(Buffer.concat(chunks))
  } catch {
    throw new KeywardError('INVALID_INPUT', 'stdin is not valid UTF-8; nothing was stored.')
  }
}

/** The terminal to prompt on: stdin when it is one, else /dev/tty opened (stdin may be carrying a piped value). */
function promptTerminal(): 'stdin' | number | null {
  if (process.stdin.isTTY) return 'stdin'
  if (process.platform === 'win32') return null
  try {
    return openSync('/dev/tty', 'r')
  } catch {
    return null
  }
}

async function ask(question: string, silent: boolean): Promise<string | null> {
  const terminal = promptTerminal()
  if (terminal === null) return null
  // Loaded only to prompt: `keyward get` through the agent never asks anything, and compiling these costs ms.
  const [{ read }, { ReadStream }] = await Promise.all([import('read'), import('node:tty')])
  const input = terminal === 'stdin' ? process.stdin : new ReadStream(terminal)
  try {
    return String(await read({ prompt: question, silent, replace: '', input, output: process.stderr, terminal: true }))
  } catch {
    // `read` rejects on Ctrl+C (the terminal is raw, so no SIGINT arrives) and on Ctrl+D.
    throw new Interrupted()
  } finally {
    // A hidden entry echoes nothing, not even the Enter: without this the next line follows the prompt.
    if (silent) process.stderr.write('\n')
    if (input !== process.stdin) input.destroy()
  }
}

/** Ctrl+C at a prompt: the command stops quietly with 130, as a shell reports an interrupted program. */
export class Interrupted extends Error {
  override readonly name = 'Interrupted'
}

export function processTerminal(env: NodeJS.ProcessEnv = process.env): Terminal {
  const stdoutIsTTY = process.stdout.isTTY === true
  return {
    stdoutIsTTY,
    // no-color.org: NO_COLOR turns colour off when it is set to something — an empty NO_COLOR does not.
    color: stdoutIsTTY && (env.NO_COLOR ?? '') === '' && env.TERM !== 'dumb',
    out: (text) => void process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    // stderr is for the human only: nothing a provider or a key name holds may drive the terminal there.
    err: (text) => void process.stderr.write(`${terminalSafe(text.replace(/\n$/, '')).replace(/\t/g, ' ')}\n`),
    promptHidden: (question) => ask(question, true),
    confirm: async (question) => /^y(es)?$/i.test((await ask(`${question} [y/N] `, false)) ?? ''),
    ask: (question) => ask(question, false),
    get interactive() {
      const terminal = promptTerminal()
      if (typeof terminal === 'number') closeSync(terminal)
      return terminal !== null
    },
    readStdin: () => readBoundedUtf8(process.stdin, MAX_STDIN_BYTES),
  }
}
