import { useId, useState, type FormEvent } from 'react'
import type { KeySummary, ResponseOf } from '../../../../src-preload/contract'
import { errorInfo } from '../../lib/errors'
import { command } from '../../store/commands'
import { FormFooter } from '../../components/FormFooter'
import { Modal } from '../../components/Modal'

type Outcome = ResponseOf<'key:revoke'>

/**
 * Revoke at the provider, by its API: the key stops working everywhere at once, so its name must be typed (main
 * checks it too). The answer — revoked, or why not — goes back to the detail pane.
 */
export function RevokeDialog({
  keySummary,
  providerName,
  onClose,
  onDone,
}: {
  readonly keySummary: KeySummary
  readonly providerName: string
  readonly onClose: () => void
  readonly onDone: (outcome: Outcome) => void
}) {
  const titleId = useId()
  const [typed, setTyped] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    try {
      onDone(await command('key:revoke', { id: keySummary.id, confirmName: typed }))
    } catch (caught) {
      setError(errorInfo(caught).message)
      setBusy(false)
    }
  }

  return (
    <Modal titleId={titleId} onClose={onClose}>
      <h2 id={titleId}>Revoke {keySummary.name}?</h2>
      <p>{`${providerName} will stop accepting this key at once, for every service that uses it. Keyward keeps its history.`}</p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <label htmlFor="revoke-confirm">Type the key&apos;s name, {keySummary.name}, to revoke it</label>
        <input
          id="revoke-confirm"
          autoComplete="off"
          spellCheck={false}
          autoFocus
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
        />
        <FormFooter
          error={error}
          onCancel={onClose}
          submitLabel={busy ? 'Revoking…' : 'Revoke key'}
          danger
          disabled={busy || typed !== keySummary.name}
        />
      </form>
    </Modal>
  )
}
