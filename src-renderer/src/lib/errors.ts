import type { ErrorCode, ErrorInfo } from '../../../src-preload/contract'

/** A failed call, as the screens show it: the code to branch on and the main process's own words. */
export class CallError extends Error {
  constructor(readonly info: ErrorInfo) {
    super(info.message)
  }
}

/**
 * What each error code means, in a sentence: shown where main's own message is missing, and beside it where a whole
 * screen fails — a code itself never reaches the user.
 */
export const ERROR_SENTENCES: Readonly<Record<ErrorCode, string>> = {
  INVALID_INPUT: 'Something in the form needs a change.',
  FORBIDDEN_SENDER: 'This page may not talk to Keyward.',
  UNKNOWN_CHANNEL: 'This window and Keyward are out of step: restart Keyward.',
  INTERNAL: 'Keyward hit an internal error; the details are in its log.',
  WRONG_PASSWORD: 'That password or recovery code does not open this vault.',
  THROTTLED: 'Too many wrong attempts: Keyward waits before checking the next one.',
  NO_PASSWORD: 'The vault needs its master password.',
  VAULT_LOCKED: 'The vault is locked: unlock it and try again.',
  VAULT_BUSY: 'Another Keyward is changing the vault: try again in a moment.',
  VAULT_NOT_FOUND: 'There is no vault here yet.',
  VAULT_EXISTS: 'A vault already exists here.',
  VAULT_CORRUPT: 'The vault is damaged: restore a backup.',
  VAULT_TOO_NEW: 'A newer Keyward made this vault: update Keyward to open it.',
  NOT_FOUND: 'That key no longer exists.',
  CONFLICT: 'That clashes with what is already stored.',
  AMBIGUOUS: 'More than one key matches: be more specific.',
  UNSUPPORTED: 'Keyward cannot do that for this provider.',
  CANCELLED: 'Stopped before it finished; nothing more was changed.',
  CLIPBOARD_UNAVAILABLE: 'The clipboard cannot be used right now.',
  DOTENV_UNSAFE: 'Keyward will not write that file: it is not safe to.',
  DENIED: 'Not allowed: the request was declined.',
  KEY_REJECTED: 'The provider rejected the key.',
  PROVIDER_UNREACHABLE: 'The provider could not be reached: check the connection and try again.',
  PROVIDER_TIMEOUT: 'The provider did not answer in time: try again.',
  PROVIDER_RATE_LIMITED: 'The provider asks to slow down: try again in a minute.',
  PROVIDER_ERROR: 'The provider answered with an error: try again later.',
  PROVIDER_BAD_RESPONSE: 'The provider answered with something Keyward cannot read.',
  PROVIDER_REDIRECT: 'The provider sent Keyward elsewhere, and Keyward did not follow.',
  NEEDS_DASHBOARD: "This is done in the provider's dashboard.",
}

export function errorInfo(error: unknown): ErrorInfo {
  if (!(error instanceof CallError)) return { code: 'INTERNAL', message: 'Something went wrong. Try again.' }
  const { info } = error
  return info.message.trim() === '' ? { ...info, message: ERROR_SENTENCES[info.code] } : info
}
