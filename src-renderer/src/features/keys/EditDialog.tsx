import { useId, useState, type FormEvent } from 'react'
import type { KeySummary } from '../../../../src-preload/contract'
import { errorInfo } from '../../lib/errors'
import { command } from '../../store/commands'
import { FormFooter } from '../../components/FormFooter'
import { Modal } from '../../components/Modal'

/** Edit a key's metadata. The value is not edited here: "Replace value…" keeps the old one in the history. */
export function EditDialog({
  keySummary: key,
  onClose,
  onSaved,
}: {
  readonly keySummary: KeySummary
  readonly onClose: () => void
  readonly onSaved: () => void
}) {
  const titleId = useId()
  const [name, setName] = useState(key.name)
  const [envVar, setEnvVar] = useState(key.envVar ?? '')
  const [environment, setEnvironment] = useState(key.environment)
  const [expiresAt, setExpiresAt] = useState(key.expiresAt ?? '')
  const [rotateEvery, setRotateEvery] = useState(key.rotateEveryDays === null ? '' : String(key.rotateEveryDays))
  const [tags, setTags] = useState(key.tags.join(', '))
  const [notes, setNotes] = useState(key.notes)
  const [error, setError] = useState<string | null>(null)

  async function submit(event: FormEvent) {
    event.preventDefault()
    const days = rotateEvery.trim() === '' ? null : Number(rotateEvery)
    if (days !== null && (!Number.isInteger(days) || days < 1))
      return setError('Rotate every: a whole number of days, or empty.')
    try {
      await command('key:edit', {
        id: key.id,
        name: name.trim(),
        envVar: envVar.trim() === '' ? null : envVar.trim(),
        environment,
        expiresAt: expiresAt === '' ? null : expiresAt,
        rotateEveryDays: days,
        notes,
        tags: tags
          .split(',')
          .map((tag) => tag.trim())
          .filter((tag) => tag !== ''),
      })
      onSaved()
    } catch (caught) {
      setError(errorInfo(caught).message)
    }
  }

  return (
    <Modal titleId={titleId} onClose={onClose}>
      <h2 id={titleId}>Edit {key.name}</h2>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <label htmlFor="edit-name">Name</label>
        <input
          id="edit-name"
          value={name}
          onChange={(event) => setName(event.target.value)}
          autoFocus
          autoComplete="off"
        />
        <label htmlFor="edit-env-var">Environment variable</label>
        <input
          id="edit-env-var"
          className="mono"
          value={envVar}
          onChange={(event) => setEnvVar(event.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
        <label htmlFor="edit-environment">Environment</label>
        <select id="edit-environment" value={environment} onChange={(event) => setEnvironment(event.target.value)}>
          {['development', 'staging', 'production'].map((option) => (
            <option key={option}>{option}</option>
          ))}
        </select>
        <label htmlFor="edit-expires">Expires</label>
        <input id="edit-expires" type="date" value={expiresAt} onChange={(event) => setExpiresAt(event.target.value)} />
        <label htmlFor="edit-rotate">Rotate every (days)</label>
        <input
          id="edit-rotate"
          inputMode="numeric"
          value={rotateEvery}
          onChange={(event) => setRotateEvery(event.target.value)}
        />
        <label htmlFor="edit-tags">Tags (comma-separated)</label>
        <input id="edit-tags" value={tags} onChange={(event) => setTags(event.target.value)} autoComplete="off" />
        <label htmlFor="edit-notes">Notes</label>
        <textarea id="edit-notes" value={notes} onChange={(event) => setNotes(event.target.value)} rows={2} />
        <FormFooter error={error} onCancel={onClose} submitLabel="Save changes" />
      </form>
    </Modal>
  )
}
