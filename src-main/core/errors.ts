/**
 * The closed set of error codes the core raises. They cross IPC (the contract imports this union as a type) and
 * end CLI commands (an exit code each), so a surface can branch on the code and never parses a message.
 */
const providerCodes = [
  'KEY_REJECTED',
  'PROVIDER_UNREACHABLE',
  'PROVIDER_TIMEOUT',
  'PROVIDER_RATE_LIMITED',
  'PROVIDER_ERROR',
  'PROVIDER_BAD_RESPONSE',
  'PROVIDER_REDIRECT',
  'NEEDS_DASHBOARD',
] as const

export const errorCodes = [
  'INVALID_INPUT',
  'FORBIDDEN_SENDER',
  'UNKNOWN_CHANNEL',
  'INTERNAL',
  'WRONG_PASSWORD',
  'THROTTLED',
  'NO_PASSWORD',
  'VAULT_LOCKED',
  'VAULT_BUSY',
  'VAULT_NOT_FOUND',
  'VAULT_EXISTS',
  'VAULT_CORRUPT',
  'VAULT_TOO_NEW',
  'NOT_FOUND',
  'CONFLICT',
  'AMBIGUOUS',
  'UNSUPPORTED',
  'CANCELLED',
  'CLIPBOARD_UNAVAILABLE',
  'DOTENV_UNSAFE',
  /** The agent's user said no (or did not answer in time). */
  'DENIED',
  ...providerCodes,
] as const
export type ErrorCode = (typeof errorCodes)[number]

/** The codes of a provider call that went wrong (exit 5 in the CLI). */
export const providerErrorCodes: readonly ErrorCode[] = providerCodes

/**
 * What the user can do next, as data: each surface renders it in its own words (the CLI names a command, the app
 * a button). Core messages never name CLI flags or commands; the action goes here.
 */
export type ErrorHint =
  | { readonly action: 'restore-backup'; readonly backup: string | null }
  | { readonly action: 'create-vault' }
  | { readonly action: 'choose-another-vault' }
  | { readonly action: 'unlock' }
  | { readonly action: 'choose-provider' }
  | { readonly action: 'skip-format-check' }
  | { readonly action: 'set-env-var' }
  | { readonly action: 'set-server-id' }
  | { readonly action: 'choose-keys' }
  /** A pair's public id goes in the key's metadata under `field` (AWS accessKeyId, Twilio keySid). */
  | { readonly action: 'give-pair-id'; readonly field: string }
  | { readonly action: 'guided'; readonly operation: 'rotate' | 'revoke'; readonly ref: string }
  /** A request field at fault (a form shows the message beside it and focuses it). */
  | { readonly action: 'fix-field'; readonly field: string }

/** What a failed call returns: a code to branch on, a message that says what to do next, and maybe a hint. */
export interface ErrorInfo {
  readonly code: ErrorCode
  readonly message: string
  readonly hint?: ErrorHint
}

/**
 * An error the user can act on: a code from the closed union and a message that says what to do next.
 * The message must never contain a secret; it crosses IPC and reaches the terminal as it is.
 */
export class KeywardError extends Error {
  override readonly name = 'KeywardError'

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly hint?: ErrorHint,
  ) {
    super(message)
  }

  toInfo(): ErrorInfo {
    return this.hint === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, hint: this.hint }
  }
}

/** The one error every use of a locked vault raises. */
export function vaultLocked(): KeywardError {
  return new KeywardError('VAULT_LOCKED', 'The vault is locked. Unlock it and try again.', { action: 'unlock' })
}
