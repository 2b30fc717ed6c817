import { useEffect, useState } from 'react'
import { ErrorCard } from './components/ErrorCard'
import { AboutScreen } from './features/about/AboutScreen'
import { ActivityScreen } from './features/activity/ActivityScreen'
import { KeysScreen } from './features/keys/KeysScreen'
import { SettingsScreen } from './features/settings/SettingsScreen'
import { applyTheme, savedTheme } from './features/settings/theme'
import { CreateVault } from './features/vault/CreateVault'
import { RecoveryKit } from './features/vault/RecoveryKit'
import { Unlock } from './features/vault/Unlock'
import { useKeywardStore } from './store'
import type { Page } from './store/vaultSlice'
import { AttentionScreen } from './features/attention/AttentionScreen'
import { HealthScreen } from './features/health/HealthScreen'
import { CommandPalette } from './features/palette/CommandPalette'
import { AgentApprovalDialog } from './features/agent/AgentApprovalDialog'

/** Which screen: the recovery kit (once), then by vault state — create, unlock, or the keys. About is one click away. */
function Screen() {
  const vaultState = useKeywardStore((state) => state.vaultState)
  const recoveryCode = useKeywardStore((state) => state.recoveryCode)
  const recoveryNotice = useKeywardStore((state) => state.recoveryNotice)
  const statusError = useKeywardStore((state) => state.statusError)
  if (statusError !== null) return <ErrorCard title="Keyward cannot reach its vault" error={statusError} />
  if (recoveryCode !== null) return <RecoveryKit code={recoveryCode} notice={recoveryNotice} />
  if (vaultState === null) return <p className="muted">Loading…</p>
  if (vaultState === 'no-vault') return <CreateVault />
  if (vaultState === 'unlocked') return <KeysScreen />
  return <Unlock />
}

/** The header's pages while unlocked: id, the button's name, its shortcut. */
const PAGES = [
  ['attention', 'Needs attention', undefined],
  ['health', 'Health', 'Ctrl+Shift+H'],
  ['activity', 'Activity', undefined],
  ['settings', 'Settings', undefined],
] as const satisfies readonly (readonly [Page, string, string | undefined])[]

function UnlockedPage({ page }: { readonly page: Exclude<Page, 'vault' | 'about'> }) {
  if (page === 'attention') return <AttentionScreen />
  if (page === 'health') return <HealthScreen />
  if (page === 'activity') return <ActivityScreen />
  return <SettingsScreen />
}

export function App() {
  const page = useKeywardStore((state) => state.page)
  const setPage = useKeywardStore((state) => state.setPage)
  const vaultState = useKeywardStore((state) => state.vaultState)
  const loadStatus = useKeywardStore((state) => state.loadStatus)
  const [palette, setPalette] = useState(false)
  const listen = useKeywardStore((state) => state.listen)
  const lock = useKeywardStore((state) => state.lock)
  const unlockNotice = useKeywardStore((state) => state.unlockNotice)
  const showUnlockNotice = useKeywardStore((state) => state.showUnlockNotice)
  // While the recovery kit waits for confirmation the window shows only the kit: no pages, no Lock, no palette
  // (a lock from elsewhere still works, and clears it).
  const kitShown = useKeywardStore((state) => state.recoveryCode !== null)
  useEffect(() => listen(), [listen])
  const listenForApprovals = useKeywardStore((state) => state.listenForApprovals)
  useEffect(() => listenForApprovals(), [listenForApprovals])
  useEffect(() => applyTheme(savedTheme()), [])
  useEffect(() => {
    // From anywhere while unlocked: Ctrl/⌘+Shift+H opens Health (KeePassXC's reports shortcut), Ctrl/⌘+K or
    // Ctrl/⌘+Shift+P the command palette (UI.md §4.15–4.16).
    function onKeyDown(event: KeyboardEvent) {
      if (vaultState !== 'unlocked' || kitShown || !(event.ctrlKey || event.metaKey)) return
      const key = event.key.toLowerCase()
      if (event.shiftKey && key === 'h') setPage('health')
      // Not over another dialog: one modal at a time.
      else if (
        ((!event.shiftKey && key === 'k') || (event.shiftKey && key === 'p')) &&
        document.querySelector('dialog[open]') === null
      )
        setPalette(true)
      else return
      event.preventDefault()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [vaultState, kitShown, setPage])
  useEffect(() => {
    void loadStatus()
  }, [loadStatus])

  return (
    <div className="app">
      <header className="app-header">
        <span className="brand">Keyward</span>
        <span className="tagline">Your API keys, kept and tracked on this machine</span>
        <span className="spacer" />
        {kitShown ? null : vaultState === 'unlocked' ? (
          <>
            {PAGES.map(([id, label, shortcut]) => (
              <button
                key={id}
                type="button"
                aria-pressed={page === id}
                title={shortcut}
                onClick={() => setPage(page === id ? 'vault' : id)}
              >
                {label}
              </button>
            ))}
            <button type="button" onClick={() => void lock()} title="Ctrl+L">
              Lock
            </button>
          </>
        ) : null}
        {kitShown ? null : (
          <button
            type="button"
            aria-pressed={page === 'about'}
            onClick={() => setPage(page === 'about' ? 'vault' : 'about')}
          >
            About
          </button>
        )}
      </header>
      {unlockNotice !== null && vaultState === 'unlocked' && !kitShown ? (
        // What the unlock found that the user must know (a vault put back to an older copy), until dismissed.
        <div className="notice" role="status" aria-label="After unlocking">
          <span>{unlockNotice}</span>{' '}
          <button type="button" onClick={() => showUnlockNotice(null)}>
            Dismiss
          </button>
        </div>
      ) : null}
      <main className="app-main">
        {kitShown ? (
          <Screen />
        ) : page === 'about' ? (
          <AboutScreen />
        ) : vaultState === 'unlocked' && page !== 'vault' ? (
          <UnlockedPage page={page} />
        ) : (
          <Screen />
        )}
      </main>
      {palette && vaultState === 'unlocked' && !kitShown ? <CommandPalette onClose={() => setPalette(false)} /> : null}
      <AgentApprovalDialog />
    </div>
  )
}
