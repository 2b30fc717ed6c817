import { useId, useState } from 'react'
import { ErrorLine } from '../../components/ErrorLine'
import { errorInfo } from '../../lib/errors'
import { command } from '../../store/commands'
import { useRead } from '../../store/useRead'
import { Modal } from '../../components/Modal'
import { ProviderForm, type CustomProvider } from './ProviderForm'

/** The confirmation before a custom provider goes: its keys stay, but can no longer be verified. */
function RemoveProvider({
  provider,
  onClose,
}: {
  readonly provider: CustomProvider
  readonly onClose: (notice: string | null) => void
}) {
  const titleId = useId()
  const [error, setError] = useState<string | null>(null)
  async function remove() {
    try {
      await command('provider:remove', { id: provider.id })
      onClose(`Removed ${provider.name}; its keys stay in the vault.`)
    } catch (caught) {
      setError(errorInfo(caught).message)
    }
  }
  return (
    <Modal titleId={titleId} onClose={() => onClose(null)}>
      <h2 id={titleId}>Remove {provider.name}?</h2>
      <p>Its keys stay in the vault; Keyward can no longer verify them or detect new ones of its format.</p>
      <ErrorLine message={error} />
      <div className="actions">
        <button type="button" onClick={() => onClose(null)} autoFocus>
          Cancel
        </button>
        <button type="button" className="danger" onClick={() => void remove()}>
          Remove provider
        </button>
      </div>
    </Modal>
  )
}

/** Settings → Providers: the vault's custom providers, added, edited and removed as with `keyward provider`. */
export function CustomProviders() {
  const { data, error } = useRead('providers:custom', {})
  const providers = data?.providers ?? null
  const [dialog, setDialog] = useState<
    { kind: 'edit'; provider: CustomProvider | null } | { kind: 'remove'; provider: CustomProvider } | null
  >(null)
  const [notice, setNotice] = useState<string | null>(null)

  function closed(text: string | null) {
    setDialog(null)
    if (text === null) return
    setNotice(text)
  }

  return (
    <>
      <h2>Providers</h2>
      <p className="muted">
        Your own providers, for keys Keyward does not know: it verifies them at the path you give.
      </p>
      {providers === null || providers.length === 0 ? (
        <p className="muted">No custom providers.</p>
      ) : (
        <ul className="plain" aria-label="Custom providers">
          {providers.map((provider) => (
            <li key={provider.id} className="custom-provider">
              <span>
                <strong>{provider.name}</strong> <code>{provider.id}</code> · {provider.verify.method}{' '}
                {provider.baseUrl}
                {provider.verify.path}
              </span>{' '}
              <button
                type="button"
                aria-label={`Edit ${provider.name}`}
                onClick={() => setDialog({ kind: 'edit', provider })}
              >
                Edit
              </button>{' '}
              <button
                type="button"
                className="danger"
                aria-label={`Remove ${provider.name}`}
                onClick={() => setDialog({ kind: 'remove', provider })}
              >
                Remove…
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" onClick={() => setDialog({ kind: 'edit', provider: null })}>
        Add provider
      </button>
      <p className="muted" role="status">
        {notice ?? error?.message ?? ''}
      </p>
      {dialog?.kind === 'edit' ? <ProviderForm editing={dialog.provider} onClose={closed} /> : null}
      {dialog?.kind === 'remove' ? <RemoveProvider provider={dialog.provider} onClose={closed} /> : null}
    </>
  )
}
