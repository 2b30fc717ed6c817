import { useId, useState } from 'react'
import type { KeySummary, ResponseOf } from '../../../../src-preload/contract'
import { call, errorInfo } from '../../lib/call'
import { Modal } from './Modal'

type Outcome = ResponseOf<'key:rotate'>

/**
 * Rotation by the provider's API (the core rotateKey, as `keyward rotate`): said before it starts what will happen,
 * then one request; the answer says what was done — stored, .env files updated, the old key retired — or why not.
 */
export function RotateNowDialog({ keySummary, providerName, onClose }: { readonly keySummary: KeySummary; readonly providerName: string; readonly onClose: (outcome: Outcome | null) => void }) {
  const titleId = useId()
  const [busy, setBusy] = useState(false)
  const [answer, setAnswer] = useState<Outcome | null>(null)
  const [error, setError] = useState<string | null>(null)

  async function rotate() {
    setBusy(true)
    try {
      setAnswer(await call('key:rotate', { id: keySummary.id }))
    } catch (caught) {
      setError(errorInfo(caught).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Modal titleId={titleId} onClose={() => onClose(answer)}>
      <h2 id={titleId}>Rotate {keySummary.name}</h2>
      {answer === null ? (
        <>
          <p>
            {`${providerName} issues a new key. Keyward stores it first (the old value stays in the history), then writes it to the .env files that hold the old value; ${providerName} stops accepting the old key.`}
          </p>
          {error === null ? null : <p role="alert">{error}</p>}
          <div className="actions">
            <button type="button" onClick={() => onClose(null)} disabled={busy}>
              Cancel
            </button>
            <button type="button" className="primary" autoFocus onClick={() => void rotate()} disabled={busy}>
              {busy ? 'Rotating…' : 'Rotate now'}
            </button>
          </div>
        </>
      ) : (
        <>
          <p role="status">{answer.outcome === 'ok' ? `Rotated: ${answer.message}` : `Not rotated: ${answer.message}`}</p>
          <div className="actions">
            <button type="button" className="primary" autoFocus onClick={() => onClose(answer)}>
              Done
            </button>
          </div>
        </>
      )}
    </Modal>
  )
}
