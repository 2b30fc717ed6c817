import type { StateCreator } from 'zustand'
import type { ErrorInfo, RequestOf, ResponseOf } from '../../../src-preload/contract'
import { errorInfo } from '../lib/errors'
import type { KeywardStore } from './index'
import { call } from './mainCall'
import { READS, type ReadChannel, type Topic } from './topics'

/** One read of main as the store holds it: the last answer (kept while a newer one is on its way) or why it failed. */
export interface Read {
  readonly channel: ReadChannel
  readonly request: unknown
  readonly data: unknown
  readonly error: ErrorInfo | null
  /** How many mounted screens show it: a read nobody shows is dropped, not refreshed. */
  readonly watchers: number
}

/**
 * The reads of the window's views (Needs attention, Health, Activity, a key's detail, Settings, …), kept per channel
 * and request. A view watches what it shows; main's events and the window's own changes (commands.ts) refresh what
 * they touch, so no view goes stale when the CLI or the tray changes the vault; a lock drops them all.
 */
export interface ReadsSlice {
  readonly reads: Readonly<Record<string, Read>>
  /** Starts showing a read (fetched now if not held); returns the function that stops. */
  watchRead<C extends ReadChannel>(channel: C, request: RequestOf<C>): () => void
  /** Fetches again every shown read of these topics. */
  refreshReads(topics: readonly Topic[]): void
  /** Forgets every answer (the vault locked: nothing of it stays in the window). */
  dropReads(): void
}

/** A read's key in the store: its channel and request. */
export function readKey(channel: ReadChannel, request: unknown): string {
  return `${channel} ${JSON.stringify(request)}`
}

/** The latest fetch of each read: an older answer arriving after a newer request is dropped. */
const fetches = new Map<string, number>()
let fetchSeq = 0

export const createReadsSlice: StateCreator<KeywardStore, [], [], ReadsSlice> = (set, get) => {
  function update(key: string, change: Partial<Read>): void {
    set((state) => {
      const current = state.reads[key]
      return current === undefined ? {} : { reads: { ...state.reads, [key]: { ...current, ...change } } }
    })
  }

  function fetchRead(key: string): void {
    const read = get().reads[key]
    if (read === undefined) return
    const mine = ++fetchSeq
    fetches.set(key, mine)
    // The request was stored as given with its channel: RequestOf<channel> by construction.
    const request = read.request as RequestOf<typeof read.channel>
    call(read.channel, request).then(
      (data: ResponseOf<ReadChannel>) => {
        if (fetches.get(key) === mine) update(key, { data, error: null })
      },
      (caught: unknown) => {
        if (fetches.get(key) === mine) update(key, { error: errorInfo(caught) })
      },
    )
  }

  return {
    reads: {},
    watchRead(channel, request) {
      const key = readKey(channel, request)
      const held = get().reads[key]
      set((state) => ({
        reads: {
          ...state.reads,
          [key]: { channel, request, data: held?.data ?? null, error: null, watchers: (held?.watchers ?? 0) + 1 },
        },
      }))
      // Fetched unless held or on its way (a second view of the same read shares the first one's answer).
      if (held === undefined || (held.data === null && !fetches.has(key))) fetchRead(key)
      return () => {
        const current = get().reads[key]
        if (current === undefined) return
        if (current.watchers > 1) return update(key, { watchers: current.watchers - 1 })
        fetches.delete(key)
        set((state) => {
          const { [key]: _gone, ...rest } = state.reads
          return { reads: rest }
        })
      }
    },
    refreshReads(topics) {
      for (const [key, read] of Object.entries(get().reads)) {
        const touched: readonly Topic[] = READS[read.channel]
        if (read.watchers > 0 && touched.some((topic) => topics.includes(topic))) fetchRead(key)
      }
    },
    dropReads() {
      fetches.clear()
      set((state) => ({
        reads: Object.fromEntries(
          Object.entries(state.reads).map(([key, read]) => [key, { ...read, data: null, error: null }]),
        ),
      }))
    },
  }
}
