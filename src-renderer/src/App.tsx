import { useEffect } from 'react'
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

/** Which screen: the recovery kit (once), then by vault state — create, unlock, or the keys. About is one click away. */
function Screen() {
  const vaultState = useKeywardStore((state) => state.vaultState)
  const recoveryCode = useKeywardStore((state) => state.recoveryCode)
  const statusError = useKeywardStore((state) => state.statusError)
  if (statusError !== null) return <ErrorCard title="Keyward cannot reach its vault" error={statusError} />
  if (recoveryCode !== null) return <RecoveryKit code={recoveryCode} />
  if (vaultState === null) return <p className="muted">Loading…</p>
  if (vaultState === 'no-vault') return <CreateVault />
  if (vaultState === 'unlocked') return <KeysScreen />
  return <Unlock />
}

export function App() {
  const page = useKeywardStore((state) => state.page)
  const setPage = useKeywardStore((state) => state.setPage)
  const vaultState = useKeywardStore((state) => state.vaultState)
  const loadStatus = useKeywardStore((state) => state.loadStatus)
  const listen = useKeywardStore((state) => state.listen)
  const lock = useKeywardStore((state) => state.lock)
  useEffect(() => listen(), [listen])
  useEffect(() => applyTheme(savedTheme()), [])
  useEffect(() => {
    void loadStatus()
  }, [loadStatus])

  return (
    <div className="app">
      <header className="app-header">
        <span className="brand">Keyward</span>
        <span className="tagline">Your API keys, kept and tracked on this machine</span>
        <span className="spacer" />
        {vaultState === 'unlocked' ? (
          <>
            <button type="button" aria-pressed={page === 'activity'} onClick={() => setPage(page === 'activity' ? 'vault' : 'activity')}>
              Activity
            </button>
            <button type="button" aria-pressed={page === 'settings'} onClick={() => setPage(page === 'settings' ? 'vault' : 'settings')}>
              Settings
            </button>
            <button type="button" onClick={() => void lock()} title="Ctrl+L">
              Lock
            </button>
          </>
        ) : null}
        <button type="button" aria-pressed={page === 'about'} onClick={() => setPage(page === 'about' ? 'vault' : 'about')}>
          About
        </button>
      </header>
      <main className="app-main">
        {page === 'about' ? (
          <AboutScreen />
        ) : page === 'settings' && vaultState === 'unlocked' ? (
          <SettingsScreen />
        ) : page === 'activity' && vaultState === 'unlocked' ? (
          <ActivityScreen />
        ) : (
          <Screen />
        )}
      </main>
    </div>
  )
}
