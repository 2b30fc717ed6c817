import { useEffect } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { ErrorCard } from '../../components/ErrorCard'
import { useKeywardStore } from '../../store'

export function AboutScreen() {
  const { info, infoError, loadInfo } = useKeywardStore(
    useShallow((state) => ({ info: state.info, infoError: state.infoError, loadInfo: state.loadInfo })),
  )
  useEffect(() => {
    void loadInfo()
  }, [loadInfo])

  if (infoError !== null) return <ErrorCard title="Keyward could not start properly" error={infoError} />
  if (info === null) return <p className="muted">Loading…</p>

  return (
    <section className="card" aria-labelledby="about-title">
      <h1 id="about-title">About Keyward</h1>
      <dl className="facts">
        <dt>Version</dt>
        <dd data-testid="app-version">{info.version}</dd>
        <dt>Platform</dt>
        <dd>
          {info.platform} ({info.arch})
        </dd>
        <dt>Runtime</dt>
        <dd>
          {info.runtime.electron === null ? 'Node' : `Electron ${info.runtime.electron}, Node`} {info.runtime.node}
        </dd>
        <dt>Vault</dt>
        <dd>
          <code data-testid="vault-dir">{info.vaultDir}</code>
          {info.vaultDir !== info.defaultVaultDir && <span className="muted"> (default: {info.defaultVaultDir})</span>}
        </dd>
        <dt>Storage</dt>
        <dd data-testid="storage">
          {info.storage.ok ? `SQLite ${info.storage.sqlite} with ${info.storage.cipher}` : info.storage.message}
        </dd>
      </dl>
    </section>
  )
}
