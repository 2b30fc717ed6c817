import { parse } from 'dotenv'
import { KeywardError } from '../errors'
import { readDotenvText } from './dotenvFiles'

/** How a project file names a vaulted key instead of holding its value: `STRIPE_SECRET_KEY=keyward://stripe/prod`. */
export const REFERENCE_PREFIX = 'keyward://'

/** One variable of a reference file: a reference to a key, or a plain value passed through as dotenv reads it. */
export type ReferenceEntry =
  { readonly variable: string; readonly ref: string } | { readonly variable: string; readonly value: string }

/** A ref is `provider/name` or a bare `name`: no spaces, nothing that could be a second reference or a path trick. */
const REF = /^[^\s/]+(\/[^\s/]+)?$/

/**
 * The variables of a dotenv-format file, in order, as dotenv reads them; a value that starts with `keyward://` is a
 * reference to a key by its ref. Such a file holds no secret and is safe to commit.
 */
export function readReferenceFile(file: string): ReferenceEntry[] {
  return Object.entries(parse(readDotenvText(file))).map(([variable, value]) => {
    if (!value.startsWith(REFERENCE_PREFIX)) return { variable, value }
    const ref = value.slice(REFERENCE_PREFIX.length)
    if (!REF.test(ref))
      throw new KeywardError(
        'INVALID_INPUT',
        `${file}: ${variable} holds a reference Keyward cannot read; write it as ${REFERENCE_PREFIX}provider/name.`,
      )
    return { variable, ref }
  })
}

/** The refs a file names, each once, in order. */
export function referencedRefs(entries: readonly ReferenceEntry[]): string[] {
  return [...new Set(entries.flatMap((entry) => ('ref' in entry ? [entry.ref] : [])))]
}

/** Every variable with its value: references replaced by the values given for their refs. */
export function resolveEntries(
  entries: readonly ReferenceEntry[],
  values: ReadonlyMap<string, string>,
): { variable: string; value: string }[] {
  return entries.map((entry) => {
    if (!('ref' in entry)) return entry
    const value = values.get(entry.ref)
    if (value === undefined) throw new KeywardError('NOT_FOUND', `No value for ${entry.ref}.`)
    return { variable: entry.variable, value }
  })
}
