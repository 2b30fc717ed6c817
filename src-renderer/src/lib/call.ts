import type { ChannelName, ErrorInfo, RequestOf, ResponseOf } from '../../../src-preload/contract'

/** A failed call, as the screens show it: the code to branch on and the main process's own words. */
export class CallError extends Error {
  constructor(readonly info: ErrorInfo) {
    super(info.message)
  }
}

/** `window.keyward.invoke`, unwrapped: the value, or a CallError carrying the ErrorInfo. */
export async function call<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const result = await window.keyward.invoke(channel, request)
  if (!result.ok) throw new CallError(result.error)
  return result.value
}

export function errorInfo(error: unknown): ErrorInfo {
  return error instanceof CallError ? error.info : { code: 'INTERNAL', message: 'Something went wrong. Try again.' }
}
