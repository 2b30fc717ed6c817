import { useEffect, useId, useState } from 'react'
import type { KeySummary } from '../../../../src-preload/contract'
import { errorInfo } from '../../lib/errors'
import { command } from '../../store/commands'
import { Modal } from '../../components/Modal'

export const REVEAL_MS = 30_000
/** "Keep visible 2 min" (UI.md §4.5). */
const KEEP_MS = 120_000
const MASK = '••••••••'

/** A character's class, styled by shape as well as colour: digits underlined, symbols bold (KeePassXC colours them). */
function charClass(char: string): string {
  if (/[0-9]/.test(char)) return 'ch-digit'
  if (/[A-Z]/.test(char)) return 'ch-upper'
  if (/[a-z]/.test(char)) return 'ch-lower'
  return 'ch-symbol'
}

/**
 * The value in groups of four, each character a span of its class. The gaps are margins, not spaces: what is
 * selected and copied is the value itself.
 */
function GroupedValue({ value }: { readonly value: string }) {
  const groups: string[] = []
  for (let at = 0; at < value.length; at += 4) groups.push(value.slice(at, at + 4))
  return (
    <>
      {groups.map((group, index) => (
        <span key={index} className="value-group">
          {[...group].map((char, at) => (
            <span key={at} className={charClass(char)}>
              {char}
            </span>
          ))}
        </span>
      ))}
    </>
  )
}

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

  // How long the value stays, and a counter any interaction inside bumps: each starts the countdown again.
  const [visibleMs, setVisibleMs] = useState(REVEAL_MS)
  const [touched, setTouched] = useState(0)
  useEffect(() => {
    if (value === null) return
    const timer = setTimeout(() => setValue(null), visibleMs)
    return () => clearTimeout(timer)
  }, [value, visibleMs, touched])

  useEffect(() => {
    window.addEventListener('blur', onClose)
    return () => window.removeEventListener('blur', onClose)
  }, [onClose])

  return (
    <Modal titleId={titleId} onClose={onClose}>
      <h2 id={titleId}>Reveal {label}</h2>
      <div onPointerDown={() => setTouched((count) => count + 1)} onKeyDown={() => setTouched((count) => count + 1)}>
        <div
          role="textbox"
          aria-readonly="true"
          aria-labelledby={titleId}
          className="revealed mono"
          data-testid="revealed-value"
        >
          {value === null ? MASK : <GroupedValue value={value} />}
        </div>
        {value === null ? null : (
          // Re-keyed at each restart, so the bar runs down from full again (a CSS animation: no re-render a second).
          <div className="countdown" aria-hidden="true">
            <div key={`${visibleMs}-${touched}`} style={{ animationDuration: `${visibleMs}ms` }} />
          </div>
        )}
        <p className="muted" role="status">
          {value === null
            ? 'Hidden.'
            : `${value.length} characters · hides ${visibleMs / 1000} s after your last click or key here`}
        </p>
      </div>
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
        ) : (
          <button
            type="button"
            aria-pressed={visibleMs === KEEP_MS}
            onClick={() => {
              setVisibleMs(KEEP_MS)
              setTouched((count) => count + 1)
            }}
          >
            Keep visible 2 min
          </button>
        )}
        <button type="button" onClick={onCopy}>
          Copy
        </button>
        <button type="button" className="primary" onClick={onClose} data-initial-focus="">
          Close
        </button>
      </div>
    </Modal>
  )
}
