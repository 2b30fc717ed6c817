import type { ChannelName, RequestOf, ResponseOf } from '../../../src-preload/contract'
import { useKeywardStore } from './index'
import { call } from './mainCall'
import { CHANGES, type Topic } from './topics'

/**
 * A request to main from a screen: its answer, and then every shown read it touched is fetched again (and the key
 * list with its counts, when keys changed) — so a snooze updates Needs attention, a fix updates Health, a reveal
 * shows in Activity, without the screen knowing who shows what.
 */
export async function command<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const answer = await call(channel, request)
  const topics: readonly Topic[] = CHANGES[channel] ?? []
  if (topics.length > 0) {
    const store = useKeywardStore.getState()
    store.refreshReads(topics)
    if (topics.includes('keys')) void store.loadKeys().catch(() => undefined) // locked meanwhile: nothing to show
  }
  return answer
}
