import { useId, useState, type FormEvent } from 'react'
import type { KeySummary } from '../../../../src-preload/contract'
import { call, errorInfo } from '../../lib/call'
import { FormFooter } from './FormFooter'
import { Modal } from './Modal'

/**
 * Delete, confirmed by typing the key's name (GitHub-style): deleting from Keyward does not revoke it at the
 * provider, where it keeps working — the dialog says so.
 */
export function DeleteDialog({ keySummary, onClose, onDeleted }: { readonly keySummary: KeySummary; readonly onClose: () => void; readonly onDeleted: () => void }) {
  const titleId = useId()
  const [typed, setTyped] = useState('')
  const [error, setError] = useState<string | null>(null)

  async function submit(event: FormEvent) {
    event.preventDefault()
    try {
      await call('key:delete', { id: keySummary.id })
      onDeleted()
    } catch (caught) {
      setError(errorInfo(caught).message)
    }
  }

  return (
    <Modal titleId={titleId} onClose={onClose}>
      <h2 id={titleId}>Delete {keySummary.name}?</h2>
      <p>
        Every stored version of its value is erased. The key itself keeps working at {keySummary.provider} until you revoke it
        there.
      </p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <label htmlFor="delete-confirm">Type the key&apos;s name, {keySummary.name}, to delete it</label>
        <input id="delete-confirm" autoComplete="off" spellCheck={false} autoFocus value={typed} onChange={(event) => setTyped(event.target.value)} />
        <FormFooter error={error} onCancel={onClose} submitLabel="Delete key" danger disabled={typed !== keySummary.name} />
      </form>
    </Modal>
  )
}
