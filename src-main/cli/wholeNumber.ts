import { KeywardError } from '../core/errors'

/** A flag's whole, non-negative number, or INVALID_INPUT naming the flag; undefined when the flag was not given. */
export function wholeNumber(flag: string, raw: string | undefined, unit = ''): number | undefined {
  if (raw === undefined) return undefined
  const value = Number(raw)
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value))
    throw new KeywardError('INVALID_INPUT', `${flag} takes a whole number${unit === '' ? '' : ` of ${unit}`}.`)
  return value
}
