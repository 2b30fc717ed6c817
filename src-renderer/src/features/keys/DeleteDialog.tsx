import { useId, useState, type FormEvent } from 'react'
import type { KeySummary } from '../../../../src-preload/contract'
import { errorInfo } from '../../lib/errors'
import { command } from '../../store/commands'
import { FormFooter } from '../../components/FormFooter'
import { Modal } from '../../components/Modal'

/**
 * Delete. Deleting from Keyward does not revoke a key at its provider: while the key is still alive there (active,
 * not expired) the dialog says so and asks for its name typed (GitHub-style), since the vault may be the only record
 * of a working key. A revoked or expired key is deleted with a plain confirmation.
 */
export function DeleteDialog({ keySummary, onClose, onDeleted }: { readonly keySummary: KeySummary; readonly onClose: () => void; readonly onDeleted: () => void }) {
  const titleId = useId()
  const [typed, setTyped] = useState('')
  const [error, setError] = useState<string | null>(null)
  const alive = keySummary.status === 'active' && keySummary.state.kind !== 'expired' && keySummary.state.kind !== 'rejected'

  async function submit(event: FormEvent) {
    event.preventDefault()
    try {
      await command('key:delete', { id: keySummary.id })
      onDeleted()
    } catch (caught) {
      setError(errorInfo(caught).message)
    }
  }

  return (
    <Modal titleId={titleId} onClose={onClose}>
      <h2 id={titleId}>Delete {keySummary.name}?</h2>
      <p>
        Every stored version of its value is erased.{' '}
        {alive ? `The key itself keeps working at ${keySummary.provider} until you revoke it there.` : `It is ${keySummary.status === 'active' ? 'expired' : 'revoked'} at ${keySummary.provider}.`}
      </p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        {alive ? (
          <>
            <label htmlFor="delete-confirm">Type the key&apos;s name, {keySummary.name}, to delete it</label>
            <input id="delete-confirm" autoComplete="off" spellCheck={false} autoFocus value={typed} onChange={(event) => setTyped(event.target.value)} />
          </>
        ) : null}
        <FormFooter error={error} onCancel={onClose} submitLabel="Delete key" danger disabled={alive && typed !== keySummary.name} />
      </form>
    </Modal>
  )
}
