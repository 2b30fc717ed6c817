import { create } from 'zustand'
import { createAppSlice, type AppSlice } from './appSlice'
import { createVaultSlice, type VaultSlice } from './vaultSlice'

/** The renderer's one store, built from slices. Slice actions are the only callers of `window.keyward`. */
export type KeywardStore = AppSlice & VaultSlice

export const useKeywardStore = create<KeywardStore>()((...args) => ({
  ...createAppSlice(...args),
  ...createVaultSlice(...args),
}))
