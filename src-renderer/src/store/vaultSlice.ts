import type { StateCreator } from 'zustand'
import type { ErrorInfo, KeySummary, VaultState } from '../../../src-preload/contract'
import { errorInfo } from '../lib/errors'
import { call } from './mainCall'
import type { KeywardStore } from './index'

export interface CopyChip {
  readonly label: string
  /** `Date.now()` when the clipboard clears; null when it never does. */
  readonly clearsAt: number | null
  readonly clearsInSeconds: number | null
}

/** The vault as the window knows it: its state, device unlock, the recovery code to show, the copy chip. */
/** The window's pages; all but About need the vault unlocked (a lock returns to the vault's unlock). */
export type Page = 'vault' | 'attention' | 'health' | 'settings' | 'activity' | 'trash' | 'about'

export interface VaultSlice {
  readonly vaultState: VaultState | null
  /** Why the vault's state could not be read (the window cannot work without it). */
  readonly statusError: ErrorInfo | null
  readonly vaultDir: string
  /** Unlock with this device: off, ready, or the 14-day password check is due; and whether the system has a keychain. */
  readonly device: 'off' | 'ready' | 'password-due'
  readonly deviceAvailable: boolean
  /** Shown once after create (or recovery), until the user confirms the kit. */
  readonly recoveryCode: string | null
  /** What the last unlock must say beyond opening (the vault is older than this device saw it), until dismissed. */
  readonly unlockNotice: string | null
  showUnlockNotice(notice: string | null): void
  /** Why an unlock or a recovery is taking long: another Keyward is changing the password, or has the vault open. */
  readonly vaultWaiting: 'password-change' | 'openers' | null
  /** Why a recovery kit is shown after an unlock (an interrupted password change was settled), or null. */
  readonly recoveryNotice: string | null
  readonly copyChip: CopyChip | null
  /** Which page the window shows; a lock always returns from Settings to the vault. */
  readonly page: Page
  setPage(page: Page): void
  /** Shows a key in the vault's list and detail (from Needs attention, Health), its rotation or deletion begun if asked. */
  openKey(id: string, then?: 'rotate' | 'delete'): Promise<void>
  /** A deletion the keys screen opens when it shows this key (Health's "Delete…"), then clears. */
  readonly pendingDelete: string | null
  clearPendingDelete(): void
  /** A rotation the detail pane starts when it shows this key (Health's "Rotate…"), then clears. */
  readonly pendingRotation: string | null
  /** A dialog of the keys screen asked for from elsewhere (the command palette); null once it closes. */
  readonly requestedDialog: 'add' | 'verify-all' | 'write-env' | 'import-env' | null
  requestDialog(dialog: 'add' | 'verify-all' | 'write-env' | 'import-env' | null): void
  /** Where a notification clicked while locked leads once the vault is unlocked. */
  readonly afterUnlock:
    { readonly kind: 'attention'; readonly due: number | null } | { readonly kind: 'key'; readonly id: string } | null
  clearPendingRotation(): void
  loadStatus(): Promise<void>
  /** Starts listening for vault and clipboard events; returns the function that stops. */
  listen(): () => void
  showRecoveryCode(code: string | null, notice?: string | null): void
  /** The kit was typed back: main records it (Health stops asking), and the code leaves the window. */
  confirmRecoveryKit(): Promise<void>
  /** A new recovery code (the old one stops working), shown as the kit. */
  newRecoveryKit(): Promise<void>
  /** Copies in main; `env`: as `NAME=value` (Ctrl/⌘+Shift+C). */
  copy(key: KeySummary, format?: 'value' | 'env'): Promise<void>
  clearClipboard(): Promise<void>
  lock(): Promise<void>
}

export const createVaultSlice: StateCreator<KeywardStore, [], [], VaultSlice> = (set, get) => ({
  vaultState: null,
  statusError: null,
  vaultDir: '',
  device: 'off',
  deviceAvailable: false,
  recoveryCode: null,
  recoveryNotice: null,
  unlockNotice: null,
  vaultWaiting: null,
  copyChip: null,
  page: 'vault',
  pendingRotation: null,
  pendingDelete: null,
  afterUnlock: null,
  requestedDialog: null,
  requestDialog(dialog) {
    set(dialog === null ? { requestedDialog: null } : { requestedDialog: dialog, page: 'vault' })
  },
  clearPendingRotation() {
    set({ pendingRotation: null })
  },
  clearPendingDelete() {
    set({ pendingDelete: null })
  },
  async openKey(id, then) {
    set({ page: 'vault', pendingRotation: then === 'rotate' ? id : null, pendingDelete: then === 'delete' ? id : null })
    await get().focusKey(id)
  },
  setPage(page) {
    set({ page })
  },
  async loadStatus() {
    try {
      const status = await call('vault:status', {})
      set({
        vaultState: status.state,
        vaultDir: status.vaultDir,
        device: status.device,
        deviceAvailable: status.deviceAvailable,
        statusError: null,
      })
      if (status.state === 'unlocked') await get().loadKeys()
    } catch (error) {
      set({ statusError: errorInfo(error) })
    }
  },
  listen() {
    const stops = [
      window.keyward.subscribe('vault:waiting', (waiting) => set({ vaultWaiting: waiting.for })),
      window.keyward.subscribe('vault:state', ({ state }) => {
        if (state !== 'unlocking') set({ vaultWaiting: null })
        if (state === 'locked' || state === 'no-vault') set({ unlockNotice: null })
        // Any lock, manual or automatic, takes the recovery code out of the window (Health offers a new kit). Not
        // 'unlocking': creating a vault passes through it, and its event may arrive after the code it showed.
        if (state === 'locking' || state === 'locked' || state === 'no-vault')
          set({ recoveryCode: null, recoveryNotice: null })
        if (state !== 'unlocked') get().dropReads()
        else get().refreshReads(['keys', 'audit', 'settings', 'providers'])
        if (state !== 'unlocked') get().resetList()
        set((current) => ({
          vaultState: state,
          page: state !== 'unlocked' && current.page !== 'about' ? 'vault' : current.page,
        }))
        if (state === 'unlocked')
          void get()
            .loadKeys()
            .catch(() => undefined) // locked again meanwhile: nothing to show
        const after = get().afterUnlock
        if (state === 'unlocked' && after !== null) {
          set({ afterUnlock: null })
          if (after.kind === 'attention') set({ page: 'attention' })
          else
            void get()
              .openKey(after.id)
              .catch(() => undefined)
        }
        // The unlock screen shows device unlock only when it is ready (the 14-day password check may be due).
        if (state === 'locked') void get().loadStatus()
      }),
      // A notification was clicked: show that key, or Needs attention — after the unlock if the vault is locked.
      window.keyward.subscribe('key:focus', ({ id }) => {
        if (get().vaultState === 'unlocked')
          void get()
            .openKey(id)
            .catch(() => undefined)
        else set({ afterUnlock: { kind: 'key', id } })
      }),
      window.keyward.subscribe('view:open', ({ due }) => {
        if (get().vaultState === 'unlocked') set({ page: 'attention' })
        else set({ afterUnlock: { kind: 'attention', due } })
      }),
      // Another process changed the vault (the CLI, the tray's verify): the list and every shown view follow.
      window.keyward.subscribe('keys:changed', () => {
        void get()
          .loadKeys()
          .catch(() => undefined)
        get().refreshReads(['keys', 'audit'])
      }),
      window.keyward.subscribe('clipboard:cleared', () => set({ copyChip: null })),
    ]
    return () => stops.forEach((stop) => stop())
  },
  showUnlockNotice(notice) {
    set({ unlockNotice: notice })
  },
  showRecoveryCode(code, notice = null) {
    set({ recoveryCode: code, recoveryNotice: code === null ? null : notice })
  },
  async confirmRecoveryKit() {
    set({ recoveryCode: null, recoveryNotice: null })
    await call('vault:kitConfirmed', {})
  },
  async newRecoveryKit() {
    const { recoveryCode } = await call('vault:newRecoveryCode', {})
    set({ recoveryCode, recoveryNotice: null })
  },
  async copy(key, format = 'value') {
    const { clearsInMs } = await call('key:copy', { id: key.id, format })
    const never = clearsInMs === 0
    set({
      copyChip: {
        label: format === 'env' ? `${key.envVar ?? key.name}=…` : (key.envVar ?? key.name),
        clearsAt: never ? null : Date.now() + clearsInMs,
        clearsInSeconds: never ? null : clearsInMs / 1000,
      },
    })
  },
  async clearClipboard() {
    await call('clipboard:clear', {})
    set({ copyChip: null })
  },
  async lock() {
    await call('vault:lock', {})
  },
})
