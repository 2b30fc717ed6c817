import { randomBytes } from 'node:crypto'
import { KeywardError } from '../errors'

// Crockford's base32: no I, L, O, U, so a code read off paper is hard to mistype.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const GROUPS = 6
const GROUP_LENGTH = 5

/** A new recovery code: 30 base32 characters (150 bits) in groups of five, shown to the user once. */
export function newRecoveryCode(): string {
  const bytes = randomBytes(GROUPS * GROUP_LENGTH)
  const chars = [...bytes].map((byte) => ALPHABET[byte & 31])
  const groups: string[] = []
  for (let i = 0; i < GROUPS; i++) groups.push(chars.slice(i * GROUP_LENGTH, (i + 1) * GROUP_LENGTH).join(''))
  return groups.join('-')
}

/** The code as typed (any case, spaces or dashes, O for 0, I/L for 1) in canonical form, or INVALID_INPUT. */
export function normalizeRecoveryCode(typed: string): string {
  const compact = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1')
  if (compact.length !== GROUPS * GROUP_LENGTH || [...compact].some((char) => !ALPHABET.includes(char))) {
    throw new KeywardError(
      'INVALID_INPUT',
      `A recovery code has ${GROUPS * GROUP_LENGTH} letters and digits, like XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX.`,
    )
  }
  return compact.match(new RegExp(`.{${GROUP_LENGTH}}`, 'g'))?.join('-') ?? compact
}
