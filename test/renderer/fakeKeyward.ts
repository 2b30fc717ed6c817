import type {
  ChannelName,
  EventName,
  EventPayloadOf,
  KeywardApi,
  RequestOf,
  ResponseOf,
  Result,
} from '../../src-preload/contract'

type Answer = (request: unknown) => unknown

/**
 * A stand-in for the preload's `window.keyward` at the port the renderer's store talks through: it answers each
 * channel from a table (held until `release` when asked to), records every call, and lets a test send main's events.
 */
export function fakeKeyward(answers: Partial<Record<ChannelName, Answer>>) {
  const calls: { channel: ChannelName; request: unknown }[] = []
  const listeners = new Map<EventName, Set<(payload: never) => void>>()
  const held: (() => void)[] = []
  let holding = false
  const api: KeywardApi = {
    invoke<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>> {
      calls.push({ channel, request })
      const answer = answers[channel]
      const result = (
        answer === undefined
          ? { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `no answer for ${channel}` } }
          : { ok: true, value: answer(request) }
      ) as Result<ResponseOf<C>>
      if (!holding) return Promise.resolve(result)
      return new Promise((resolve) => held.push(() => resolve(result)))
    },
    subscribe<E extends EventName>(event: E, listener: (payload: EventPayloadOf<E>) => void): () => void {
      const set = listeners.get(event) ?? new Set()
      set.add(listener as (payload: never) => void)
      listeners.set(event, set)
      return () => set.delete(listener as (payload: never) => void)
    },
  }
  Object.defineProperty(globalThis, 'window', { value: { keyward: api }, configurable: true, writable: true })
  return {
    calls,
    /** How many times `channel` was invoked. */
    count: (channel: ChannelName) => calls.filter((call) => call.channel === channel).length,
    emit<E extends EventName>(event: E, payload: EventPayloadOf<E>): void {
      for (const listener of listeners.get(event) ?? []) (listener as (payload: EventPayloadOf<E>) => void)(payload)
    },
    /** Answers wait until released, in the order a test chooses. */
    hold(): void {
      holding = true
    },
    releaseAll(order: 'in-order' | 'reversed' = 'in-order'): void {
      holding = false
      const pending = held.splice(0)
      for (const resolve of order === 'reversed' ? pending.reverse() : pending) resolve()
    },
  }
}

/** Lets the store's promise callbacks run. */
export const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0))
