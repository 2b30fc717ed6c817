import { KeywardError, type ErrorInfo } from './errors'

/** What a zod issue says, as much of it as a sentence needs (zod's own issue type, narrowed to what is read). */
export interface Issue {
  readonly code: string
  readonly path: readonly PropertyKey[]
  readonly message: string
  readonly minimum?: number | bigint
  readonly maximum?: number | bigint
  readonly origin?: string
}

/** The words a form uses for a request's fields; any other field is its name split into words. */
const LABELS: Readonly<Record<string, string>> = {
  name: 'The name',
  value: 'The key',
  envVar: 'The env var',
  environment: 'The environment',
  expiresAt: 'The expiry date',
  rotateEveryDays: 'The rotation period',
  remindBeforeDays: 'The remind-before days',
  tags: 'Tags',
  notes: 'The notes',
  password: 'The password',
  newPassword: 'The new password',
  code: 'The recovery code',
  pairId: "The key's id",
  baseUrl: 'The base URL',
  keyPattern: 'The key pattern',
  dashboardUrl: 'The dashboard URL',
  file: 'The file',
  query: 'The search',
}

function labelOf(field: string): string {
  const label = LABELS[field]
  if (label !== undefined) return label
  const words = field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()
  return `The ${words}`
}

/** zod's default messages ("Too small: expected …", "Invalid input: …"); a schema's own message is kept as written. */
const ZOD_DEFAULT = /^(Too (small|big)|Invalid|Unrecognized|Expected)/

function sentence(issue: Issue, label: string): string {
  if (!ZOD_DEFAULT.test(issue.message)) return issue.message
  const limit = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum)
  const text = issue.origin === 'string'
  const list = issue.origin === 'array' || issue.origin === 'set'
  if (issue.code === 'too_small' && text && limit <= 1) return `${label} cannot be empty.`
  if (issue.code === 'too_small') return `${label} must be at least ${limit}${text ? ' characters' : ''}.`
  if (issue.code === 'too_big' && text) return `${label} — at most ${limit} characters.`
  if (issue.code === 'too_big' && list) return `${label}: at most ${limit}.`
  if (issue.code === 'too_big') return `${label} must be at most ${limit}.`
  if (issue.code === 'unrecognized_keys')
    return 'Keyward did not expect part of this request: reload the window and try again.'
  return `${label} is not valid: check it and try again.`
}

/**
 * A request the contract refused, as the window says it: the first field at fault in words ("The name cannot be
 * empty.") and a hint naming the field, so the form can show the message beside it and focus it. No schema
 * vocabulary ("too_small", "expected string") reaches the user.
 */
export function requestRefused(issues: readonly Issue[]): ErrorInfo {
  const issue = issues[0]
  if (issue === undefined) return { code: 'INVALID_INPUT', message: 'Keyward could not read this request: try again.' }
  const field = issue.path.filter((part): part is string => typeof part === 'string')
  const top = field[0]
  const message = sentence(issue, labelOf(field.at(-1) ?? 'value'))
  return top === undefined
    ? { code: 'INVALID_INPUT', message }
    : { code: 'INVALID_INPUT', message, hint: { action: 'fix-field', field: top } }
}

/** A schema's refusal of user input as a KeywardError: the first field at fault in words, its name in the hint. */
export function refusal(issues: readonly Issue[]): KeywardError {
  const info = requestRefused(issues)
  return new KeywardError(info.code, info.message, info.hint)
}
