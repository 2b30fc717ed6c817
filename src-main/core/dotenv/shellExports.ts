import { KeywardError } from '../errors'

export type Shell = 'bash' | 'zsh' | 'fish'
export const SHELLS: readonly Shell[] = ['bash', 'zsh', 'fish']

/** A name every shell takes as a variable without quoting. */
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

/** POSIX single quotes keep every byte as it is; a single quote itself closes, is escaped, and reopens. */
const posixQuote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`
/** fish's single quotes: only `\\` and `\'` are escapes inside them. */
const fishQuote = (value: string) => `'${value.replace(/[\\']/g, (c) => `\\${c}`)}'`

/**
 * `export NAME='value'` lines (fish: `set -gx NAME 'value'`) for `eval "$(keyward env shell FILE)"` or direnv:
 * quoted so that the shell takes every value literally — no expansion, no command substitution.
 */
export function shellExports(variables: readonly { variable: string; value: string }[], shell: Shell): string {
  return variables
    .map(({ variable, value }) => {
      if (!NAME.test(variable))
        throw new KeywardError('INVALID_INPUT', `${variable} cannot be a shell variable; nothing was printed.`)
      if (value.includes('\0'))
        throw new KeywardError('INVALID_INPUT', `The value of ${variable} holds a NUL byte; no shell can hold it.`)
      return shell === 'fish' ? `set -gx ${variable} ${fishQuote(value)}` : `export ${variable}=${posixQuote(value)}`
    })
    .join('\n')
}
