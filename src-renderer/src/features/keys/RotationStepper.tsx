import { useEffect, useId, useRef, useState } from 'react'
import type { KeySummary, ResponseOf } from '../../../../src-preload/contract'
import { ErrorLine } from '../../components/ErrorLine'
import { errorInfo } from '../../lib/errors'
import { command } from '../../store/commands'
import { Modal } from '../../components/Modal'

type View = ResponseOf<'rotation:state'>
type Step = NonNullable<Exclude<View['next'], 'done'>>

const SKIPPABLE: readonly Step[] = ['verify', 'retire', 'prove']

function label(step: Step, view: View): string {
  switch (step) {
    case 'create':
      return `Create the new key at ${view.provider}`
    case 'verify':
      return 'Verify the new key'
    case 'store':
      return 'Store it as the current version'
    case 'propagate':
      return 'Update the .env files'
    case 'retire':
      return view.retire === 'dashboard' ? `Delete the old key in the ${view.provider} dashboard` : 'Retire the old key'
    case 'prove':
      return 'Prove the old key is rejected'
  }
}

const STEPS: readonly Step[] = ['create', 'verify', 'store', 'propagate', 'retire', 'prove']

/** Steps the stepper runs on its own; it stops for the user at the .env files and a dashboard deletion. */
function runsAlone(view: View): boolean {
  if (view.next === null || view.next === 'done' || view.next === 'create') return false
  if (view.next === 'propagate') return !view.files.some((file) => file.state === 'will-update')
  if (view.next === 'retire') return view.retire !== 'dashboard'
  const last = view.log.at(-1)
  return !(last?.step === view.next && last.outcome === 'failed')
}

/**
 * Rotation by the provider's API as a stepper (UI.md §4.10): create → verify → store → .env files (a masked diff
 * per file, each ticked) → retire the old key → prove it rejected. Main journals every step, so closing the dialog,
 * a lock or a restart resumes at the step that was next. A failed step offers Retry, and Skip where that is safe.
 */
export function RotationStepper({
  keySummary,
  onClose,
}: {
  readonly keySummary: KeySummary
  readonly onClose: (notice: string | null) => void
}) {
  const titleId = useId()
  const [view, setView] = useState<View | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set())
  const open = useRef(true)

  useEffect(() => {
    open.current = true
    command('rotation:state', { id: keySummary.id }).then(
      (found) => open.current && setView(found),
      (caught: unknown) => open.current && setError(errorInfo(caught).message),
    )
    return () => {
      open.current = false
    }
  }, [keySummary.id])

  /** Runs (or skips) the next step, then goes on by itself while the next step needs nobody. */
  async function advance(action: 'run' | 'skip', extra: { files?: View['files']; confirmed?: boolean } = {}) {
    setBusy(true)
    setError(null)
    try {
      const files = extra.files?.map(({ file, variable }) => ({ file, variable }))
      let current = await command('rotation:step', { id: keySummary.id, action, files, confirmed: extra.confirmed })
      setView(current)
      while (open.current && runsAlone(current)) {
        current = await command('rotation:step', { id: keySummary.id, action: 'run', files: [] })
        setView(current)
      }
    } catch (caught) {
      setError(errorInfo(caught).message)
    } finally {
      setBusy(false)
    }
  }

  const finished = view?.next === 'done'
  const failed = view !== null && view.log.at(-1)?.outcome === 'failed' && view.log.at(-1)?.step === view.next
  const next = view?.next ?? null
  const chosen =
    view?.files.filter((file) => file.state === 'will-update' && !unticked.has(file.file + file.variable)) ?? []
  const status = busy
    ? `${label((next === null || next === 'done' ? 'create' : next) as Step, view ?? ({ provider: '' } as View))}…`
    : (view?.log.at(-1)?.message ?? '')

  const primary: { label: string; action: 'done' | 'start' | 'write' | 'confirm' | 'continue' } | null =
    view === null
      ? null
      : finished
        ? { label: 'Done', action: 'done' }
        : next === null
          ? { label: 'Start rotation', action: 'start' }
          : next === 'propagate'
            ? { label: `Write ${chosen.length} file${chosen.length === 1 ? '' : 's'}`, action: 'write' }
            : next === 'retire' && view.retire === 'dashboard'
              ? { label: 'I deleted it', action: 'confirm' }
              : { label: failed ? 'Retry' : 'Continue', action: 'continue' }

  function onPrimary(action: NonNullable<typeof primary>['action']) {
    if (busy) return
    if (action === 'done') onClose(`Rotated ${keySummary.name}.`)
    else if (action === 'write') void advance('run', { files: chosen })
    else if (action === 'confirm') void advance('run', { confirmed: true })
    else void advance('run')
  }

  return (
    <Modal titleId={titleId} onClose={() => onClose(finished ? `Rotated ${keySummary.name}.` : null)} wide>
      <h2 id={titleId}>Rotate {keySummary.name}</h2>
      {view === null ? (
        <p className="muted">Loading…</p>
      ) : (
        <>
          {next === null ? (
            <p>{`${view.provider} issues a new key. Keyward verifies it, stores it (the old value stays in the history), updates the .env files you choose, retires the old key and checks that ${view.provider} rejects it.`}</p>
          ) : null}
          <ol className="stepper" aria-label="Rotation steps">
            {STEPS.map((step) => {
              const entry = view.log.findLast((logged) => logged.step === step)
              const state = entry?.outcome ?? (busy && next === step ? 'running' : next === step ? 'next' : 'waiting')
              return (
                <li key={step} className={`step step-${state}`} aria-current={next === step ? 'step' : undefined}>
                  <span className="step-label">{label(step, view)}</span>{' '}
                  <span className="step-state">
                    {state === 'done'
                      ? '✓ done'
                      : state === 'failed'
                        ? '✗ failed'
                        : state === 'skipped'
                          ? 'skipped'
                          : state === 'running'
                            ? 'running…'
                            : ''}
                    {entry === undefined || entry.ms === 0 ? '' : ` (${(entry.ms / 1000).toFixed(1)} s)`}
                  </span>
                  {entry === undefined ? null : <span className="step-message">{entry.message}</span>}
                </li>
              )
            })}
          </ol>
          {next === 'propagate' && !busy ? (
            <fieldset>
              <legend>.env files that hold the old value</legend>
              {view.files.map((file) => (
                <label key={file.file + file.variable} className="choice">
                  <input
                    type="checkbox"
                    disabled={file.state !== 'will-update'}
                    checked={file.state === 'will-update' && !unticked.has(file.file + file.variable)}
                    onChange={(event) => {
                      const next = new Set(unticked)
                      if (event.target.checked) next.delete(file.file + file.variable)
                      else next.add(file.file + file.variable)
                      setUnticked(next)
                    }}
                  />{' '}
                  <code>{file.file}</code> {file.variable}: <code>{file.before ?? '—'}</code> →{' '}
                  <code>{file.after}</code>
                  {file.state === 'will-update' ? '' : ` (${file.state.replace(/-/g, ' ')}: left alone)`}
                </label>
              ))}
            </fieldset>
          ) : null}
          {next === 'retire' && view.retire === 'dashboard' && !busy ? (
            <p>
              {view.dashboardUrl === null ? 'Delete the old key where it was made.' : 'Delete the old key at '}
              {view.dashboardUrl === null ? null : (
                <a href={view.dashboardUrl} target="_blank" rel="noreferrer">
                  {view.dashboardUrl}
                </a>
              )}
            </p>
          ) : null}
        </>
      )}
      <p role="status" className="muted">
        {status}
      </p>
      <ErrorLine message={error} />
      <div className="actions">
        {finished ? null : (
          <button type="button" onClick={() => onClose(null)}>
            {next === null ? 'Cancel' : 'Close (resume later)'}
          </button>
        )}
        {view !== null && failed && SKIPPABLE.includes(next as Step) ? (
          <button type="button" onClick={() => void advance('skip')} disabled={busy}>
            Skip
          </button>
        ) : null}
        {primary === null ? null : (
          // One element whatever the step, so keyboard focus stays on it while the steps run (never dropped to
          // the page when a button is replaced); while busy it says so and ignores presses.
          <button
            type="button"
            className="primary"
            autoFocus
            aria-disabled={busy}
            onClick={() => onPrimary(primary.action)}
          >
            {busy ? 'Working…' : primary.label}
          </button>
        )}
      </div>
    </Modal>
  )
}
