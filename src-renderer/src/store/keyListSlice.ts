import type { StateCreator } from 'zustand'
import type { KeyCounts, KeySummary } from '../../../src-preload/contract'
import { call } from './mainCall'
import { errorInfo } from '../lib/errors'
import type { KeywardStore } from './index'

/** Rows are fetched in blocks of this many, aligned, so scrolling asks for each block once. */
const BLOCK = 100
/** Blocks kept around the visible rows; farther ones are dropped (a 100k vault scrolled end to end stays small). */
const KEPT_BLOCKS = 24
/** Search results shown at once: the best matches (names first); typing more narrows them. */
const SEARCH_LIMIT = 100
/** A sidebar view (filters only) lists up to this many keys. */
const VIEW_LIMIT = 500

/**
 * The key list as the window holds it: never the whole vault. The unfiltered list is a window onto main's (provider,
 * name) order — `total` rows, of which only the blocks near the visible ones are held; a search or a sidebar view is
 * its best matches, held whole. The selection keeps its key's summary, so the detail pane never waits for a block.
 */
export interface KeyListSlice {
  readonly total: number
  readonly rows: ReadonlyMap<number, KeySummary>
  readonly counts: KeyCounts | null
  readonly query: string
  readonly results: readonly KeySummary[] | null
  /** A search is on its way: the previous results stay on screen until it answers. */
  readonly searching: boolean
  /** Why main refused the search (an unknown `is:` filter, too long), in its words; null when it answered. */
  readonly searchError: string | null
  /** The selected key's row in what the list shows (the whole list, or the results). */
  readonly selectedIndex: number | null
  /** The selected key (its summary: the detail pane shows it without waiting for a block); null for none. */
  readonly selectedKey: KeySummary | null
  /** Re-reads the counts and the visible rows (after a change here or in the CLI); keeps the selection if it exists. */
  loadKeys(): Promise<void>
  /** The list shows rows `start`…`end` (inclusive): fetches the blocks it does not hold. */
  showRows(start: number, end: number): void
  search(query: string): Promise<void>
  /** Selects the row at `index` of what the list shows. */
  selectAt(index: number): Promise<void>
  /** Selects a key by id in the whole list (a notification, a key just added), clearing the search. */
  focusKey(id: string): Promise<void>
  /** Type-ahead: selects the first key whose name starts with `prefix`; false if none does. */
  typeAhead(prefix: string): Promise<boolean>
  resetList(): void
}

let generation = 0
let searchSeq = 0
let typeAheadSeq = 0
let selectSeq = 0
/**
 * The key focusKey is on its way to (an add, a notification): a load that starts meanwhile keeps it as the
 * selection instead of dropping it — the block it waited for is superseded by that load.
 */
let pendingFocus: string | null = null
let visible = { start: 0, end: BLOCK - 1 }
const inFlight = new Set<number>()

function blocksOf(start: number, end: number): number[] {
  const blocks: number[] = []
  for (let block = Math.floor(start / BLOCK); block <= Math.floor(Math.max(start, end) / BLOCK); block++)
    blocks.push(block)
  return blocks
}

async function fetchBlock(block: number): Promise<{ total: number; rows: [number, KeySummary][] }> {
  const { total, keys } = await call('keys:window', { offset: block * BLOCK, limit: BLOCK })
  return { total, rows: keys.map((key, i) => [block * BLOCK + i, key]) }
}

/** The held rows plus `added`, minus blocks far from the visible ones. */
function merged(
  rows: ReadonlyMap<number, KeySummary>,
  added: readonly [number, KeySummary][],
): Map<number, KeySummary> {
  const next = new Map(rows)
  for (const [index, key] of added) next.set(index, key)
  const centre = Math.floor((visible.start + visible.end) / 2 / BLOCK)
  for (const index of next.keys())
    if (Math.abs(Math.floor(index / BLOCK) - centre) > KEPT_BLOCKS / 2) next.delete(index)
  return next
}

const cleared = {
  total: 0,
  rows: new Map<number, KeySummary>(),
  counts: null,
  query: '',
  results: null,
  searching: false,
  searchError: null,
  selectedIndex: null,
  selectedKey: null,
}

export const createKeyListSlice: StateCreator<KeywardStore, [], [], KeyListSlice> = (set, get) => {
  /** Selects `index` of the whole list, fetching its block if it is not held. */
  async function selectInWindow(index: number): Promise<void> {
    const pick = ++selectSeq
    const held = get().rows.get(index)
    if (held !== undefined) return set({ selectedIndex: index, selectedKey: held })
    const seq = generation
    const { rows } = await fetchBlock(Math.floor(index / BLOCK))
    const found = rows.find(([at]) => at === index)?.[1]
    // A newer load or a newer selection (keys pressed while this block was on its way) wins.
    if (seq !== generation || pick !== selectSeq || found === undefined) return
    // The list is about to scroll there: keep this block, not the ones around the old position.
    visible = { start: index, end: index }
    set((state) => ({ rows: merged(state.rows, rows), selectedIndex: index, selectedKey: found }))
  }

  return {
    ...cleared,
    resetList() {
      generation++
      pendingFocus = null
      set(cleared)
    },
    async loadKeys() {
      // A newer load (a change event during this one) supersedes it; the old rows stay on screen until it answers.
      const seq = ++generation
      // A key selected while this load is under way (focusKey after an add) wins over what the load located.
      const pick = selectSeq
      inFlight.clear()
      const selectedId = get().selectedKey?.id ?? pendingFocus
      const [blocks, located] = await Promise.all([
        Promise.all(blocksOf(visible.start, visible.end).map(fetchBlock)),
        selectedId === null ? null : call('keys:locate', { id: selectedId }),
      ])
      if (seq !== generation) return
      const total = blocks[0]?.total ?? 0
      // The counts take a scan of the vault: asked for after the rows, so the list paints first.
      void call('keys:counts', {})
        .then((counts) => {
          if (seq === generation) set({ counts })
        })
        .catch(() => undefined) // locked meanwhile: the lock clears the list
      const rows = merged(
        new Map(),
        blocks.flatMap((block) => block.rows),
      )
      // The selected key may have moved (a key added before it) or gone (deleted in the CLI).
      const selectedIndex = located?.index ?? null
      const selectedKey = selectedIndex === null ? null : (rows.get(selectedIndex) ?? get().selectedKey)
      const inResults = get().results !== null
      if (pick !== selectSeq) return set({ total, rows })
      if (selectedId !== null && selectedId === pendingFocus && selectedIndex !== null) pendingFocus = null
      set({ total, rows, selectedKey, ...(inResults ? {} : { selectedIndex }) })
      if (!inResults && selectedIndex !== null && !rows.has(selectedIndex)) await selectInWindow(selectedIndex)
      if (get().query.trim() !== '') await get().search(get().query)
    },
    showRows(start, end) {
      visible = { start, end }
      const { rows } = get()
      for (const block of blocksOf(start, end)) {
        if (inFlight.has(block) || rows.has(block * BLOCK)) continue
        inFlight.add(block)
        const seq = generation
        void fetchBlock(block)
          .then((answer) => {
            if (seq !== generation) return
            set((state) => ({ rows: merged(state.rows, answer.rows), total: answer.total }))
          })
          .catch(() => undefined) // locked meanwhile: the lock clears the list
          .finally(() => inFlight.delete(block))
      }
    },
    async search(query) {
      const seq = ++searchSeq
      set({ query, searching: query.trim() !== '' })
      if (query.trim() === '') {
        set({ results: null, searching: false, searchError: null })
        const selected = get().selectedKey
        if (selected !== null) await get().focusKey(selected.id)
        return
      }
      try {
        const onlyFilters = query
          .trim()
          .split(/\s+/)
          .every((token) => /^[a-z]+:\S+$/i.test(token))
        const { keys } = await call('keys:search', { query, limit: onlyFilters ? VIEW_LIMIT : SEARCH_LIMIT })
        // Only the newest query's answer is shown: typing never waits for, or is overwritten by, an older one.
        if (seq !== searchSeq) return
        const index = keys.findIndex((key) => key.id === get().selectedKey?.id)
        set({ results: keys, searching: false, searchError: null, selectedIndex: index < 0 ? null : index })
      } catch (error) {
        // Said under the field (it was swallowed before: an unknown filter read as "no keys match").
        if (seq === searchSeq) set({ results: [], searching: false, searchError: errorInfo(error).message })
      }
    },
    async selectAt(index) {
      pendingFocus = null // the user's own choice wins
      const { results } = get()
      if (results === null) return selectInWindow(index)
      const key = results[index]
      if (key !== undefined) set({ selectedIndex: index, selectedKey: key })
    },
    async focusKey(id) {
      pendingFocus = id
      if (get().results !== null) set({ results: null, query: '', searching: false })
      const { index } = await call('keys:locate', { id })
      if (pendingFocus !== id) return // another key was chosen meanwhile
      if (index === null) {
        pendingFocus = null
        return set({ selectedIndex: null, selectedKey: null })
      }
      await selectInWindow(index)
      if (get().selectedKey?.id === id) pendingFocus = null
    },
    async typeAhead(prefix) {
      const { results } = get()
      if (results !== null) {
        const index = results.findIndex((key) => key.name.toLowerCase().startsWith(prefix))
        if (index >= 0) await get().selectAt(index)
        return index >= 0
      }
      // Each letter asks main again; only the longest prefix's answer selects (an earlier one may arrive later).
      const seq = ++typeAheadSeq
      const { index } = await call('keys:locate', { namePrefix: prefix })
      if (seq !== typeAheadSeq) return false
      if (index !== null) await selectInWindow(index)
      return index !== null
    },
  }
}
