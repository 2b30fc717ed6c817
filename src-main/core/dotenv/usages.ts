import { parse } from 'dotenv'
import { KeywardError } from '../errors'
import { readDotenvText } from './dotenvFiles'

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
