import { useId, useState, type FormEvent } from 'react'
import type { KeySummary } from '../../../../src-preload/contract'
import { errorInfo } from '../../lib/errors'
import { command } from '../../store/commands'
import { FormFooter } from '../../components/FormFooter'
import { Modal } from '../../components/Modal'

/** A new value for a key (pasted after rotating it elsewhere): the old one stays in the history, sealed. */
export function ReplaceValueDialog({
  keySummary: key,
  onClose,
  onSaved,
}: {
  readonly keySummary: KeySummary
  readonly onClose: () => void
  readonly onSaved: () => void
}) {
  const titleId = useId()
  const [value, setValue] = useState('')
  const [error, setError] = useState<string | null>(null)

  async function submit(event: FormEvent) {
    event.preventDefault()
    try {
      await command('key:setValue', { id: key.id, value: value.trim() })
      setValue('')
      onSaved()
    } catch (caught) {
      setError(errorInfo(caught).message)
    }
  }

  return (
    <Modal titleId={titleId} onClose={onClose}>
      <h2 id={titleId}>New value for {key.name}</h2>
      <p className="muted">The current value is kept in the key&apos;s history (sealed), with when it was replaced.</p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <label htmlFor="replace-value">New value</label>
        <input
          id="replace-value"
          type="password"
          autoComplete="off"
          spellCheck={false}
          autoFocus
          value={value}
          onChange={(event) => setValue(event.target.value)}
        />
        <FormFooter error={error} onCancel={onClose} submitLabel="Store new value" disabled={value.trim() === ''} />
      </form>
    </Modal>
  )
}
