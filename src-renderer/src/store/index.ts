import { create } from 'zustand'
import { createAgentSlice, type AgentSlice } from './agentSlice'
import { createAppSlice, type AppSlice } from './appSlice'
import { createKeyListSlice, type KeyListSlice } from './keyListSlice'
import { createReadsSlice, type ReadsSlice } from './readsSlice'
import { createVaultSlice, type VaultSlice } from './vaultSlice'

/**
 * The renderer's one store, built from slices. Slice actions, reads (useRead) and commands (commands.ts) are the only
 * callers of `window.keyward`: a lint rule keeps the call helper inside this folder.
 */
export type KeywardStore = AppSlice & VaultSlice & KeyListSlice & ReadsSlice & AgentSlice

export const useKeywardStore = create<KeywardStore>()((...args) => ({
  ...createAppSlice(...args),
  ...createVaultSlice(...args),
  ...createKeyListSlice(...args),
  ...createReadsSlice(...args),
  ...createAgentSlice(...args),
}))
