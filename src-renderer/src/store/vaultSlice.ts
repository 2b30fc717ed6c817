import type { StateCreator } from 'zustand'
import type { ErrorInfo, KeySummary, VaultState } from '../../../src-preload/contract'
import { call, errorInfo } from '../lib/call'
import type { KeywardStore } from './index'

const PAGE = 500
/** Search results shown at once: the best matches (names first); typing more narrows them. */
const SEARCH_LIMIT = 100

export interface CopyChip {
  readonly label: string
  /** `Date.now()` when the clipboard clears; null when it never does. */
  readonly clearsAt: number | null
  readonly clearsInSeconds: number | null
}

/** The vault as the window knows it: its state, key metadata (never a value), the search, the copy chip. */
export interface VaultSlice {
  readonly vaultState: VaultState | null
  /** Why the vault's state could not be read (the window cannot work without it). */
  readonly statusError: ErrorInfo | null
  readonly vaultDir: string
  /** Unlock with this device: off, ready, or the 14-day password check is due; and whether the system has a keychain. */
  readonly device: 'off' | 'ready' | 'password-due'
  readonly deviceAvailable: boolean
  readonly keys: readonly KeySummary[]
  readonly query: string
  readonly results: readonly KeySummary[] | null
  /** A search is on its way: the previous results stay on screen until it answers. */
  readonly searching: boolean
  readonly selectedId: string | null
  /** Shown once after create (or recovery), until the user confirms the kit. */
  readonly recoveryCode: string | null
  readonly copyChip: CopyChip | null
  /** Which page the window shows; a lock always returns from Settings to the vault. */
  readonly page: 'vault' | 'settings' | 'about'
  setPage(page: 'vault' | 'settings' | 'about'): void
  loadStatus(): Promise<void>
  /** Starts listening for vault and clipboard events; returns the function that stops. */
  listen(): () => void
  loadKeys(): Promise<void>
  search(query: string): Promise<void>
  select(id: string | null): void
  showRecoveryCode(code: string | null): void
  copy(key: KeySummary): Promise<void>
  clearClipboard(): Promise<void>
  lock(): Promise<void>
}

let searchSeq = 0
let loadSeq = 0

export const createVaultSlice: StateCreator<KeywardStore, [], [], VaultSlice> = (set, get) => ({
  vaultState: null,
  statusError: null,
  vaultDir: '',
  device: 'off',
  deviceAvailable: false,
  keys: [],
  query: '',
  results: null,
  searching: false,
  selectedId: null,
  recoveryCode: null,
  copyChip: null,
  page: 'vault',
  setPage(page) {
    set({ page })
  },
  async loadStatus() {
    try {
      const status = await call('vault:status', {})
      set({ vaultState: status.state, vaultDir: status.vaultDir, device: status.device, deviceAvailable: status.deviceAvailable, statusError: null })
      if (status.state === 'unlocked') await get().loadKeys()
    } catch (error) {
      set({ statusError: errorInfo(error) })
    }
  },
  listen() {
    const stops = [
      window.keyward.subscribe('vault:state', ({ state }) => {
        set((current) =>
          state === 'unlocked'
            ? { vaultState: state }
            : { vaultState: state, keys: [], results: null, query: '', selectedId: null, page: current.page === 'settings' ? 'vault' : current.page },
        )
        if (state === 'unlocked') void get().loadKeys().catch(() => undefined) // locked again meanwhile: nothing to show
        // The unlock screen shows device unlock only when it is ready (the 14-day password check may be due).
        if (state === 'locked') void get().loadStatus()
      }),
      // A notification about a key was clicked: show that key.
      window.keyward.subscribe('key:focus', ({ id }) => {
        void get().search('')
        set({ selectedId: id })
      }),
      window.keyward.subscribe('keys:changed', () => void get().loadKeys().catch(() => undefined)),
      window.keyward.subscribe('clipboard:cleared', () => set({ copyChip: null })),
    ]
    return () => stops.forEach((stop) => stop())
  },
  async loadKeys() {
    // Page by page: a large vault never crosses IPC whole, and the first page paints at once. A newer load (a
    // change event during this one) supersedes it: its pages are dropped, never appended twice.
    const load = ++loadSeq
    const first = await call('keys:page', { after: null, limit: PAGE })
    if (load !== loadSeq) return
    set({ keys: first.keys })
    // The rest arrives in pages too, but is handed to the screen in batches: one store update (and one re-render and
    // sidebar count) per 20 pages, not per page, so a 100k vault is not re-copied and re-counted 200 times.
    let page = first.keys
    let pending: KeySummary[] = []
    while (page.length === PAGE) {
      const last = page[page.length - 1]
      if (last === undefined) break
      page = (await call('keys:page', { after: { provider: last.provider, name: last.name }, limit: PAGE })).keys
      if (load !== loadSeq) return
      pending.push(...page)
      if (pending.length >= PAGE * 20 || page.length < PAGE) {
        const batch = pending
        pending = []
        set((state) => ({ keys: state.keys.concat(batch) }))
      }
    }
    if (get().query.trim() !== '') await get().search(get().query)
  },
  async search(query) {
    const seq = ++searchSeq
    set({ query, searching: query.trim() !== '' })
    if (query.trim() === '') return set({ results: null, searching: false })
    try {
      // A sidebar view (filters only) lists up to a page of keys; typed words show the best matches.
      const onlyFilters = query.trim().split(/\s+/).every((token) => /^[a-z]+:\S+$/i.test(token))
      const { keys } = await call('keys:search', { query, limit: onlyFilters ? PAGE : SEARCH_LIMIT })
      // Only the newest query's answer is shown: typing never waits for, or is overwritten by, an older one.
      if (seq === searchSeq) set({ results: keys, searching: false })
    } catch {
      if (seq === searchSeq) set({ results: [], searching: false })
    }
  },
  select(id) {
    set({ selectedId: id })
  },
  showRecoveryCode(code) {
    set({ recoveryCode: code })
  },
  async copy(key) {
    const { clearsInMs } = await call('key:copy', { id: key.id })
    const never = clearsInMs === 0
    set({ copyChip: { label: key.envVar ?? key.name, clearsAt: never ? null : Date.now() + clearsInMs, clearsInSeconds: never ? null : clearsInMs / 1000 } })
  },
  async clearClipboard() {
    await call('clipboard:clear', {})
    set({ copyChip: null })
  },
  async lock() {
    await call('vault:lock', {})
  },
})
