import { parse } from 'dotenv'
import { KeywardError } from '../errors'
import type { KeyId } from '../keys/keyId'
import { readSecretValue } from '../keys/keyRepository'
import type { VaultSession } from '../vault/VaultSession'
import { readDotenvText } from './dotenvFiles'
import { keyUsages, type KeyUsage } from './usageStore'

/** Where a key was written, as it is now: still its current value, changed by hand since, or gone. */
export type UsageState = 'current' | 'changed' | 'missing'

/**
 * A tracked file's text, or null when it is gone or no longer a regular file (a FIFO or a device put in its place
 * would block a plain read forever).
 */
export function trackedText(file: string): string | null {
  try {
    return readDotenvText(file)
  } catch (error) {
    if (error instanceof KeywardError) return null
    throw error
  }
}

export function usageState(file: string, variable: string, value: string): UsageState {
  const text = trackedText(file)
  if (text === null) return 'missing'
  return parse(text)[variable] === value ? 'current' : 'changed'
}

/** Where the key was written (the first 500 files), each file read now: current value, changed by hand, or gone. */
export function usagesWithState(session: VaultSession, keyId: KeyId): (KeyUsage & { state: UsageState })[] {
  const usages = keyUsages(session, keyId).slice(0, 500)
  if (usages.length === 0) return []
  const value = readSecretValue(session, keyId)
  return usages.map((usage) => ({ ...usage, state: usageState(usage.file, usage.variable, value) }))
}
