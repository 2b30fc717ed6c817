import type { ErrorInfo } from '../../../src-preload/contract'

/** A failed call, as the screens show it: the code to branch on and the main process's own words. */
export class CallError extends Error {
  constructor(readonly info: ErrorInfo) {
    super(info.message)
  }
}

export function errorInfo(error: unknown): ErrorInfo {
  return error instanceof CallError ? error.info : { code: 'INTERNAL', message: 'Something went wrong. Try again.' }
}
