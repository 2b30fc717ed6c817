import type { StateCreator } from 'zustand'
import type { AppInfo, ErrorInfo } from '../../../src-preload/contract'
import type { KeywardStore } from './index'

export interface AppSlice {
  readonly info: AppInfo | null
  readonly infoError: ErrorInfo | null
  /** Sequence numbers of the `app:ping` events received since the listener started. */
  readonly pingsReceived: readonly number[]
  loadInfo(): Promise<void>
  ping(): Promise<void>
  /** Starts listening for `app:ping` events; returns the function that stops. */
  listenForPings(): () => void
}

export const createAppSlice: StateCreator<KeywardStore, [], [], AppSlice> = (set) => ({
  info: null,
  infoError: null,
  pingsReceived: [],
  async loadInfo() {
    const result = await window.keyward.invoke('app:info', {})
    set(result.ok ? { info: result.value, infoError: null } : { infoError: result.error })
  },
  async ping() {
    const result = await window.keyward.invoke('app:ping', {})
    if (!result.ok) set({ infoError: result.error })
  },
  listenForPings() {
    return window.keyward.subscribe('app:ping', ({ seq }) =>
      set((state) => ({ pingsReceived: [...state.pingsReceived, seq] })),
    )
  },
})
