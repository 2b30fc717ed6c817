import type { ChannelName, RequestOf, ResponseOf } from '../../../src-preload/contract'
import { CallError } from '../lib/errors'

/**
 * `window.keyward.invoke`, unwrapped: the value, or a CallError carrying the ErrorInfo. Only the store calls it (a
 * lint rule holds components to the store's reads and commands), so every change made here can refresh what it
 * touched.
 */
export async function call<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const result = await window.keyward.invoke(channel, request)
  if (!result.ok) throw new CallError(result.error)
  return result.value
}
