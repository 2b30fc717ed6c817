import { encodeValue } from '../dotenv/encodeValue'
import { KeywardError } from '../errors'

export type CopyFormat = 'value' | 'env'

/** The text to copy for one key: the value alone, or a `VAR=value` line dotenv reads back exactly. */
export function copyText(format: CopyFormat, value: string, envVar: string | null): string {
  if (format === 'value') return value
  if (envVar === null)
    throw new KeywardError('INVALID_INPUT', 'This key has no env var name: set one first.', { action: 'set-env-var' })
  return `${envVar}=${encodeValue(envVar, value)}`
}

/** A whole `.env` block for several keys (an environment). */
export function envBlock(entries: readonly { envVar: string; value: string }[]): string {
  return `${entries.map((entry) => `${entry.envVar}=${encodeValue(entry.envVar, entry.value)}`).join('\n')}\n`
}
