import type { ErrorCode, ErrorInfo } from '../../src-preload/contract'

/**
 * An error the user can act on: a code from the contract's closed union and a message that says what to do next.
 * The message must never contain a secret; it crosses IPC and reaches the terminal as it is.
 */
export class KeywardError extends Error {
  override readonly name = 'KeywardError'

  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message)
  }

  toInfo(): ErrorInfo {
    return { code: this.code, message: this.message }
  }
}
