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
import { Sidebar } from './features/shell/Sidebar'
import { numberedViews } from './features/shell/views'
import { listenForAppShortcuts } from './features/shell/appShortcuts'
import { TrashScreen } from './features/trash/TrashScreen'
import { ShortcutSheet } from './features/shell/ShortcutSheet'

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

function UnlockedPage({ page }: { readonly page: Exclude<Page, 'vault' | 'about'> }) {
  if (page === 'trash') return <TrashScreen />
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
  const [sheet, setSheet] = useState(false)
  const listen = useKeywardStore((state) => state.listen)
  const unlockNotice = useKeywardStore((state) => state.unlockNotice)
  const showUnlockNotice = useKeywardStore((state) => state.showUnlockNotice)
  // While the recovery kit waits for confirmation the window shows only the kit: no pages, no Lock, no palette
  // (a lock from elsewhere still works, and clears it).
  const kitShown = useKeywardStore((state) => state.recoveryCode !== null)
  useEffect(() => listen(), [listen])
  const listenForApprovals = useKeywardStore((state) => state.listenForApprovals)
  useEffect(() => listenForApprovals(), [listenForApprovals])
  useEffect(() => applyTheme(savedTheme()), [])
  const counts = useKeywardStore((state) => state.counts)
  const search = useKeywardStore((state) => state.search)
  const unlockedShell = vaultState === 'unlocked' && !kitShown
  useEffect(() => {
    if (!unlockedShell) return
    return listenForAppShortcuts({
      setPage,
      openPalette: () => setPalette(true),
      openShortcuts: () => setSheet(true),
      openView: (index) => {
        const view = numberedViews(counts)[index]
        if (view === undefined) return false
        setPage(view.page ?? 'vault')
        if (view.page === undefined) void search(view.query === '' ? '' : `${view.query} `)
        return true
      },
      onKeysPage: () => useKeywardStore.getState().page === 'vault',
    })
  }, [unlockedShell, setPage, counts, search])
  useEffect(() => {
    void loadStatus()
  }, [loadStatus])

  const notice =
    unlockNotice !== null && unlockedShell ? (
      // What the unlock found that the user must know (a vault put back to an older copy), until dismissed.
      <div className="notice" role="status" aria-label="After unlocking">
        <span>{unlockNotice}</span>{' '}
        <button type="button" onClick={() => showUnlockNotice(null)}>
          Dismiss
        </button>
      </div>
    ) : null

  if (unlockedShell)
    return (
      <div className="app shell">
        <Sidebar counts={counts} />
        <main className="app-main">
          {notice}
          {page === 'about' ? <AboutScreen /> : page === 'vault' ? <KeysScreen /> : <UnlockedPage page={page} />}
        </main>
        {palette ? <CommandPalette onClose={() => setPalette(false)} /> : null}
        {sheet ? <ShortcutSheet onClose={() => setSheet(false)} /> : null}
        <AgentApprovalDialog />
      </div>
    )

  return (
    <div className="app">
      <header className="app-header">
        <span className="brand">Keyward</span>
        <span className="spacer" />
        {kitShown ? null : (
          <button
            type="button"
            className="ghost"
            aria-current={page === 'about' ? 'page' : undefined}
            onClick={() => setPage(page === 'about' ? 'vault' : 'about')}
          >
            {page === 'about' ? 'Back' : 'About'}
          </button>
        )}
      </header>
      <main className="app-main">{!kitShown && page === 'about' ? <AboutScreen /> : <Screen />}</main>
      <AgentApprovalDialog />
    </div>
  )
}
