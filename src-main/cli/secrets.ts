import { KeywardError } from '../core/errors'
import { createReadStream } from 'node:fs'
import { MAX_STDIN_BYTES, readBoundedUtf8, type Terminal } from './terminal'

/** A password (or the agent's stdin): one trailing newline (LF or CRLF) stripped; spaces may be the password's. */
export function stripOneNewline(text: string): string {
  return text.replace(/\r?\n$/, '')
}

/**
 * A secret value: from stdin with --value-stdin, else a no-echo prompt. Never from argv. Surrounding spaces, tabs
 * and line breaks are a paste's or a pipe's, never a key's: trimmed before the format check and the fingerprint,
 * so `"  npm_…  \n\n"` is the same key as `npm_…`.
 */
export async function readValue(terminal: Terminal, fromStdin: boolean, label: string): Promise<string> {
  const raw = fromStdin ? await terminal.readStdin() : await terminal.promptHidden(`Value for ${label}: `)
  if (raw === null)
    throw new KeywardError('INVALID_INPUT', 'No terminal to type the value on: pass it on stdin with --value-stdin.')
  const value = raw.trim()
  if (value === '')
    throw new KeywardError('INVALID_INPUT', fromStdin ? 'stdin held no value; nothing was stored.' : 'No value typed.')
  return value
}

/** An unlock secret from an environment variable (scripts), else a no-echo prompt; neither is NO_PASSWORD (exit 3). */
async function unlockSecret(
  terminal: Terminal,
  env: NodeJS.ProcessEnv,
  variable: string,
  what: string,
): Promise<string> {
  const fromEnv = env[variable]
  if (fromEnv !== undefined) return fromEnv
  const typed = await terminal.promptHidden(`${what[0]?.toUpperCase() ?? ''}${what.slice(1)}: `)
  if (typed === null) throw new KeywardError('NO_PASSWORD', `No ${what}: set ${variable} or run keyward in a terminal.`)
  return typed
}

/**
 * The master password: from file descriptor N with `--password-fd N` (a pipe a script or password manager holds,
 * read to its end, one trailing newline stripped), else $KEYWARD_PASSWORD, else a no-echo prompt.
 */
export async function readPassword(terminal: Terminal, env: NodeJS.ProcessEnv, fd?: string): Promise<string> {
  if (fd === undefined) return unlockSecret(terminal, env, 'KEYWARD_PASSWORD', 'master password')
  if (!/^\d+$/.test(fd) || Number(fd) > 65535)
    throw new KeywardError('INVALID_INPUT', '--password-fd takes a file descriptor number.')
  let text: string
  try {
    text = await readBoundedUtf8(createReadStream('', { fd: Number(fd) }), MAX_STDIN_BYTES)
  } catch (error) {
    if (error instanceof KeywardError) throw error
    throw new KeywardError('NO_PASSWORD', `Nothing could be read from file descriptor ${fd} (--password-fd).`)
  }
  const password = stripOneNewline(text)
  if (password === '') throw new KeywardError('NO_PASSWORD', `File descriptor ${fd} (--password-fd) held no password.`)
  return password
}

/**
 * A new master password: $KEYWARD_NEW_PASSWORD, else typed twice — a weak one or a mismatched retype is asked
 * again, three tries in all. It must meet the window's rule (zxcvbn "Strong") unless `allowWeak` (tests), which
 * is said on stderr.
 */
export async function readNewPassword(terminal: Terminal, env: NodeJS.ProcessEnv, allowWeak: boolean): Promise<string> {
  // Under the test flag the rule is not loaded at all (its dictionary costs ~160 ms a process), and that is said.
  if (allowWeak)
    terminal.err("Warning: the new password's strength is not checked (--allow-weak-password is for tests only).")
  const accepted = async (password: string): Promise<string | null> =>
    allowWeak ? null : (await import('./passwordRule')).weakPasswordReason(password)
  if (env.KEYWARD_NEW_PASSWORD !== undefined) {
    const weak = await accepted(env.KEYWARD_NEW_PASSWORD)
    if (weak !== null) throw new KeywardError('INVALID_INPUT', `${weak} (KEYWARD_NEW_PASSWORD) Nothing was changed.`)
    return env.KEYWARD_NEW_PASSWORD
  }
  for (let attempt = 1; attempt <= 3; attempt++) {
    const first = await terminal.promptHidden('New master password: ')
    if (first === null)
      throw new KeywardError('NO_PASSWORD', 'No new password: set KEYWARD_NEW_PASSWORD or run keyward in a terminal.')
    const weak = await accepted(first)
    if (weak !== null) {
      terminal.err(weak)
      continue
    }
    if ((await terminal.promptHidden('Type it again: ')) === first) return first
    terminal.err('The two passwords differ; type them again.')
  }
  throw new KeywardError('INVALID_INPUT', 'No new password after three tries. Nothing was changed.')
}

/** The recovery code: $KEYWARD_RECOVERY_CODE, else a no-echo prompt. */
export function readRecoveryCode(terminal: Terminal, env: NodeJS.ProcessEnv): Promise<string> {
  return unlockSecret(terminal, env, 'KEYWARD_RECOVERY_CODE', 'recovery code')
}
