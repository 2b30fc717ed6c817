import { RotateCcw, Trash } from 'lucide-react'
import { useId, useState, type FormEvent } from 'react'
import type { TrashedKeySummary } from '../../../../src-preload/contract'
import { FormFooter } from '../../components/FormFooter'
import { Modal } from '../../components/Modal'
import { RelativeTime } from '../../components/RelativeTime'
import { errorInfo } from '../../lib/errors'
import { command } from '../../store/commands'
import { useRead } from '../../store/useRead'

/** Delete forever: the key's name typed (main checks it too), as for any step that cannot be undone. */
function DeleteForeverDialog({
  trashed,
  onClose,
}: {
  readonly trashed: TrashedKeySummary
  readonly onClose: () => void
}) {
  const titleId = useId()
  const [typed, setTyped] = useState('')
  const [error, setError] = useState<string | null>(null)
  async function submit(event: FormEvent) {
    event.preventDefault()
    try {
      await command('trash:delete', { id: trashed.id, confirmName: typed })
      onClose()
    } catch (caught) {
      setError(errorInfo(caught).message)
    }
  }
  return (
    <Modal titleId={titleId} onClose={onClose}>
      <h2 id={titleId}>Delete {trashed.name} forever?</h2>
      <p>Every stored version of its value is erased now. This cannot be undone.</p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <label htmlFor="forever-confirm">Type the key&apos;s name, {trashed.name}, to delete it</label>
        <input
          id="forever-confirm"
          autoComplete="off"
          spellCheck={false}
          autoFocus
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
        />
        <FormFooter
          error={error}
          onCancel={onClose}
          submitLabel="Delete forever"
          danger
          disabled={typed !== trashed.name}
        />
      </form>
    </Modal>
  )
}

/** Empty Trash: one confirmation naming how many keys go. */
function EmptyTrashDialog({ count, onClose }: { readonly count: number; readonly onClose: () => void }) {
  const titleId = useId()
  const [error, setError] = useState<string | null>(null)
  async function submit(event: FormEvent) {
    event.preventDefault()
    try {
      await command('trash:empty', {})
      onClose()
    } catch (caught) {
      setError(errorInfo(caught).message)
    }
  }
  return (
    <Modal titleId={titleId} onClose={onClose}>
      <h2 id={titleId}>Empty the Trash?</h2>
      <p>{`The ${count} key${count === 1 ? '' : 's'} in the Trash and every stored version of their values are erased now. This cannot be undone.`}</p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <FormFooter error={error} onCancel={onClose} submitLabel="Empty Trash" danger />
      </form>
    </Modal>
  )
}

/**
 * The Trash: keys deleted in the window or by `keyward rm`, kept 30 days. Restore puts a key back as it was;
 * Delete forever asks for its name. Metadata only, as everywhere.
 */
export function TrashScreen() {
  const keys = useRead('trash:list', {}).data?.keys
  const [dialog, setDialog] = useState<{ kind: 'forever'; key: TrashedKeySummary } | { kind: 'empty' } | null>(null)
  const [notice, setNotice] = useState<string | null>(null)

  async function restore(key: TrashedKeySummary) {
    try {
      await command('trash:restore', { id: key.id })
      setNotice(`Restored ${key.ref}.`)
    } catch (caught) {
      setNotice(errorInfo(caught).message)
    }
  }

  return (
    <section className="page trash-page" aria-labelledby="trash-title">
      <div className="page-head">
        <h1 id="trash-title">Trash</h1>
        <button
          type="button"
          className="danger"
          disabled={keys === undefined || keys.length === 0}
          onClick={() => setDialog({ kind: 'empty' })}
        >
          <Trash aria-hidden /> Empty Trash…
        </button>
      </div>
      <p className="muted">Deleted keys stay here 30 days, then they are erased with their values.</p>
      {notice === null ? null : (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {keys === undefined ? null : keys.length === 0 ? (
        <p className="empty">The Trash is empty.</p>
      ) : (
        <table className="data-table" aria-label="Keys in the Trash">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Environment</th>
              <th scope="col">Deleted</th>
              <th scope="col">Erased</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => (
              <tr key={key.id}>
                <th scope="row">
                  <span className="cell-title">{key.name}</span>
                  <span className="cell-sub">{key.provider}</span>
                </th>
                <td>{key.environment}</td>
                <td>
                  <RelativeTime iso={key.trashedAt} />
                </td>
                <td>
                  <RelativeTime iso={key.goneAt} />
                </td>
                <td className="row-actions">
                  <button
                    type="button"
                    className="secondary small"
                    aria-label={`Restore ${key.ref}`}
                    onClick={() => void restore(key)}
                  >
                    <RotateCcw aria-hidden /> Restore
                  </button>
                  <button
                    type="button"
                    className="ghost small danger-text"
                    aria-label={`Delete forever ${key.ref}`}
                    onClick={() => setDialog({ kind: 'forever', key })}
                  >
                    Delete forever
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {dialog?.kind === 'forever' ? <DeleteForeverDialog trashed={dialog.key} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'empty' ? <EmptyTrashDialog count={keys?.length ?? 0} onClose={() => setDialog(null)} /> : null}
    </section>
  )
}
