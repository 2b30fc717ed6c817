import { useEffect, useId, useState } from 'react'
import type { KeySummary } from '../../../../src-preload/contract'
import { errorInfo } from '../../lib/errors'
import { command } from '../../store/commands'
import { Modal } from '../../components/Modal'

export const REVEAL_MS = 30_000
const MASK = '••••••••'

/**
 * Shows one key's value for 30 s, then masks it (always 8 bullets: no length leak). The value lives only in this
 * component's state — never the store, never an aria-label — and is gone when the dialog closes, which it does on
 * Esc, on the Close button and when the window loses focus.
 */
export function RevealDialog({
  keySummary,
  onClose,
  onCopy,
}: {
  readonly keySummary: KeySummary
  readonly onClose: () => void
  readonly onCopy: () => void
}) {
  const [value, setValue] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const titleId = useId()
  const label = keySummary.envVar ?? keySummary.name

  // Each "Show again" asks main once more (and is audited once more); the value is never cached.
  const [asked, setAsked] = useState(1)

  useEffect(() => {
    let live = true
    command('key:reveal', { id: keySummary.id }).then(
      ({ value: revealed }) => {
        if (!live) return
        setValue(revealed)
        setError(null)
      },
      (caught: unknown) => {
        if (live) setError(errorInfo(caught).message)
      },
    )
    return () => {
      live = false
    }
  }, [keySummary.id, asked])

  useEffect(() => {
    if (value === null) return
    const timer = setTimeout(() => setValue(null), REVEAL_MS)
    return () => clearTimeout(timer)
  }, [value])

  useEffect(() => {
    window.addEventListener('blur', onClose)
    return () => window.removeEventListener('blur', onClose)
  }, [onClose])

  return (
    <Modal titleId={titleId} onClose={onClose}>
      <h2 id={titleId}>Reveal {label}</h2>
      <div
        role="textbox"
        aria-readonly="true"
        aria-labelledby={titleId}
        className="revealed mono"
        data-testid="revealed-value"
      >
        {value ?? MASK}
      </div>
      <p className="muted" role="status">
        {value === null ? 'Hidden.' : `${value.length} characters · hides after ${REVEAL_MS / 1000} s`}
      </p>
      {error === null ? null : (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        {value === null ? (
          <button type="button" onClick={() => setAsked((count) => count + 1)}>
            Show again
          </button>
        ) : null}
        <button type="button" onClick={onCopy}>
          Copy
        </button>
        <button type="button" className="primary" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </Modal>
  )
}
