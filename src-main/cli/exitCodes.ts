import { providerErrorCodes, type ErrorCode } from '../core/errors'

/** The CLI's exit codes (README "Exit codes"). */
export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 2,
  unlock: 3,
  notFound: 4,
  provider: 5,
  denied: 7,
  /** Ctrl+C at a prompt: 128 + SIGINT, as a shell reports it. */
  interrupted: 130,
} as const

export function exitCodeFor(code: ErrorCode): number {
  switch (code) {
    case 'INVALID_INPUT':
    case 'AMBIGUOUS':
    case 'UNSUPPORTED':
    case 'DOTENV_UNSAFE':
      return EXIT.usage
    case 'WRONG_PASSWORD':
    case 'THROTTLED':
    case 'NO_PASSWORD':
      return EXIT.unlock
    case 'DENIED':
      return EXIT.denied
    case 'NOT_FOUND':
    case 'VAULT_NOT_FOUND':
      return EXIT.notFound
    default:
      return providerErrorCodes.includes(code) ? EXIT.provider : EXIT.failure
  }
}
