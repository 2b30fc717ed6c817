import { refusal } from '../issueWords'
import { z } from 'zod'
import { KeywardError } from '../errors'
import { hasHiddenCharacters } from '../security/terminalText'

const identifier = /^[a-z0-9][a-z0-9._-]{0,63}$/
const isoDate = /^\d{4}-\d{2}-\d{2}$/

function validDate(value: string): boolean {
  const parsed = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value)
}

const MAX_METADATA_DEPTH = 8
const MAX_METADATA_CHARS = 16 * 1024

/** How deeply a JSON value nests (iteratively: a 2,000-deep value must not overflow the stack here either). */
function jsonDepth(value: unknown): number {
  let deepest = 0
  const stack: [unknown, number][] = [[value, 1]]
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number]
    if (typeof current !== 'object' || current === null) continue
    deepest = Math.max(deepest, depth)
    if (deepest > MAX_METADATA_DEPTH) return deepest
    for (const child of Object.values(current)) stack.push([child, depth + 1])
  }
  return deepest
}

export const environments = ['development', 'staging', 'production'] as const

/** Everything about a key except its value, as the user gives it (CLI flags, a form). */
export const keyFieldsSchema = z.object({
  provider: z.string().regex(identifier, 'a provider id is lower-case letters, digits, ".", "_" or "-"'),
  name: z
    .string()
    .min(1, 'a name cannot be empty')
    .max(128, 'a name is at most 128 characters')
    .refine((name) => !name.includes('/') && name.trim() === name, 'a name has no "/" and no surrounding spaces')
    // Two names that look the same must be the same name: no control, bidi or zero-width characters.
    .refine((name) => !hasHiddenCharacters(name), 'a name has no control, bidi or zero-width characters'),
  envVar: z
    .string()
    .regex(
      /^[A-Za-z_][A-Za-z0-9_]*$/,
      'an environment variable name is letters, digits and "_", not starting with a digit',
    )
    .nullable(),
  environment: z
    .string()
    .regex(identifier, 'an environment is development, staging, production or a custom lower-case name'),
  expiresAt: z.string().regex(isoDate, 'dates are YYYY-MM-DD').refine(validDate, 'not a calendar date').nullable(),
  rotateEveryDays: z
    .number()
    .int()
    .min(1, 'a rotation period is 1 to 3650 days')
    .max(3650, 'a rotation period is 1 to 3650 days')
    .nullable(),
  remindBeforeDays: z
    .number()
    .int()
    .min(0, 'a reminder comes 0 to 365 days before')
    .max(365, 'a reminder comes 0 to 365 days before')
    .nullable(),
  tags: z
    .array(z.string().regex(/^[\w.:-]{1,40}$/, 'a tag is up to 40 letters, digits, "_", ".", ":" or "-"'))
    .max(32, 'a key has at most 32 tags'),
  notes: z.string().max(4000, 'a note is at most 4,000 characters'),
  // Provider metadata is shallow (plan, permissions, a server id): deep or large JSON is refused, not stored.
  metadata: z
    .record(z.string(), z.unknown())
    .refine(
      (metadata) => jsonDepth(metadata) <= MAX_METADATA_DEPTH && JSON.stringify(metadata).length <= MAX_METADATA_CHARS,
      `metadata is JSON at most ${MAX_METADATA_DEPTH} levels deep and 16 KiB long`,
    ),
})

export type KeyFields = z.infer<typeof keyFieldsSchema>
export type NewKey = Pick<KeyFields, 'provider' | 'name'> & Partial<Omit<KeyFields, 'provider' | 'name'>>
export type KeyPatch = Partial<KeyFields>

export const MAX_VALUE_BYTES = 16 * 1024

/** A field at fault in words, with a hint naming it (a form shows it beside the field; the CLI names the flag). */
function fail(error: z.ZodError): never {
  throw refusal(error.issues)
}

export function validateNewKey(input: NewKey): KeyFields {
  const filled = {
    envVar: null,
    environment: 'development',
    expiresAt: null,
    rotateEveryDays: null,
    remindBeforeDays: null,
    tags: [],
    notes: '',
    metadata: {},
    // An explicit `undefined` means "not given": it must not override a default.
    ...Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)),
  }
  const parsed = keyFieldsSchema.safeParse(filled)
  return parsed.success ? parsed.data : fail(parsed.error)
}

export function validatePatch(patch: KeyPatch): KeyPatch {
  const parsed = keyFieldsSchema.partial().safeParse(patch)
  return parsed.success ? parsed.data : fail(parsed.error)
}

/** A secret value: not empty, at most 16 KiB, no NUL (no provider issues such keys; it would break .env files). */
export function validateValue(value: string): string {
  if (value.length === 0) throw new KeywardError('INVALID_INPUT', 'The value is empty.')
  if (Buffer.byteLength(value, 'utf8') > MAX_VALUE_BYTES)
    throw new KeywardError('INVALID_INPUT', 'The value is longer than 16 KiB.')
  if (value.includes('\0')) throw new KeywardError('INVALID_INPUT', 'The value contains a NUL character.')
  return value
}

/** The last four characters, shown as "…abcd" so the user can tell keys apart without revealing them. */
export function valueHint(value: string): string {
  return value.length <= 8 ? '' : value.slice(-4)
}
