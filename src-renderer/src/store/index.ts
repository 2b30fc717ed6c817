import { create } from 'zustand'
import { createAppSlice, type AppSlice } from './appSlice'
import { createKeyListSlice, type KeyListSlice } from './keyListSlice'
import { createVaultSlice, type VaultSlice } from './vaultSlice'

/** The renderer's one store, built from slices. Slice actions are the only callers of `window.keyward`. */
export type KeywardStore = AppSlice & VaultSlice & KeyListSlice

export const useKeywardStore = create<KeywardStore>()((...args) => ({
  ...createAppSlice(...args),
  ...createVaultSlice(...args),
  ...createKeyListSlice(...args),
}))
