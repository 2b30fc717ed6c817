import { useId, useState, type FormEvent } from 'react'
import type { KeySummary } from '../../../../src-preload/contract'
import { FormFooter } from '../../components/FormFooter'
import { Modal } from '../../components/Modal'
import { errorInfo } from '../../lib/errors'
import { command } from '../../store/commands'
import { useRead } from '../../store/useRead'

/** Why a key that is not alive at its provider may go with a plain confirmation. */
function notAliveText(key: KeySummary): string {
  if (key.status === 'revoked') return `It is revoked at ${key.provider}.`
  if (key.state.kind === 'rejected') return `${key.provider} rejected it when it was last verified.`
  return `It is expired at ${key.provider}.`
}

/**
 * Delete moves a key to the Trash (kept 30 days, with Undo in the notice after): a plain, recoverable step, as in
 * 1Password, Bitwarden and KeePassXC's recycle bin. Deleting from Keyward does not revoke a key at its provider: while
 * the key may still work there (active, not expired, not rejected) the dialog says so, and where the provider revokes
 * by API it offers "Revoke at <provider> and move to Trash", which asks for the key's name typed (GitHub-style) —
 * revoking cannot be undone. It lists the .env files that still hold the key, which the Trash does not clean.
 */
export function DeleteDialog({
  keySummary,
  onClose,
  onDeleted,
}: {
  readonly keySummary: KeySummary
  readonly onClose: () => void
  readonly onDeleted: (revoked: boolean) => void
}) {
  const titleId = useId()
  const [typed, setTyped] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const detail = useRead('key:detail', { id: keySummary.id }).data
  const alive =
    keySummary.status === 'active' && keySummary.state.kind !== 'expired' && keySummary.state.kind !== 'rejected'
  const files = detail?.usages.filter((usage) => usage.state === 'current') ?? []
  const provider = detail?.provider.name ?? keySummary.provider
  const canRevoke = alive && detail?.provider.revoke === 'api'

  async function remove(revokeFirst: boolean) {
    setBusy(true)
    setError(null)
    try {
      // Revoked first: if the provider refuses, nothing is moved and the user is told why.
      if (revokeFirst) await command('key:revoke', { id: keySummary.id, confirmName: typed })
      await command('key:trash', { id: keySummary.id })
      onDeleted(revokeFirst)
    } catch (caught) {
      setError(errorInfo(caught).message)
    } finally {
      setBusy(false)
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault()
    void remove(false)
  }

  return (
    <Modal titleId={titleId} onClose={onClose}>
      <h2 id={titleId}>Move {keySummary.name} to the Trash?</h2>
      <p>
        The Trash keeps it 30 days, then deletes it with every stored version of its value.{' '}
        {alive ? `The key itself keeps working at ${provider} until you revoke it there.` : notAliveText(keySummary)}
      </p>
      {files.length === 0 ? null : (
        <>
          <p>{`Still in ${files.length === 1 ? 'this file' : `these ${files.length} files`} (the Trash leaves them as they are):`}</p>
          <ul className="plain" aria-label="Files that still hold the key">
            {files.map((usage) => (
              <li key={usage.file + usage.variable}>
                <code>{usage.file}</code> ({usage.variable})
              </li>
            ))}
          </ul>
        </>
      )}
      <form onSubmit={submit} noValidate>
        {canRevoke ? (
          <fieldset className="revoke-first">
            <legend>Revoke it at {provider} too (cannot be undone)</legend>
            <label htmlFor="delete-confirm">Type the key&apos;s name, {keySummary.name}, to revoke it</label>
            <input
              id="delete-confirm"
              autoComplete="off"
              spellCheck={false}
              value={typed}
              onChange={(event) => setTyped(event.target.value)}
            />
            <button
              type="button"
              className="danger"
              disabled={busy || typed !== keySummary.name}
              onClick={() => void remove(true)}
            >
              {`Revoke at ${provider} and move to Trash`}
            </button>
          </fieldset>
        ) : null}
        <FormFooter error={error} onCancel={onClose} submitLabel="Move to Trash" disabled={busy} autoFocus />
      </form>
    </Modal>
  )
}
