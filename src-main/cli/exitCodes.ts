import type { ErrorCode } from '../../src-preload/contract'

/** The CLI's exit codes (README "Exit codes"). */
export const EXIT = { ok: 0, failure: 1, usage: 2, unlock: 3, notFound: 4, provider: 5 } as const

export function exitCodeFor(code: ErrorCode): number {
  switch (code) {
    case 'INVALID_INPUT':
    case 'AMBIGUOUS':
      return EXIT.usage
    case 'WRONG_PASSWORD':
    case 'THROTTLED':
    case 'NO_PASSWORD':
      return EXIT.unlock
    case 'NOT_FOUND':
    case 'VAULT_NOT_FOUND':
      return EXIT.notFound
    case 'KEY_REJECTED':
    case 'PROVIDER_UNREACHABLE':
    case 'PROVIDER_TIMEOUT':
    case 'PROVIDER_RATE_LIMITED':
    case 'PROVIDER_ERROR':
    case 'PROVIDER_BAD_RESPONSE':
    case 'PROVIDER_REDIRECT':
    case 'NEEDS_DASHBOARD':
      return EXIT.provider
    default:
      return EXIT.failure
  }
}
