import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import type { KeySummary, ResponseOf } from '../../../../src-preload/contract'
import { errorInfo } from '../../lib/errors'
import { command } from '../../store/commands'
import { ScheduleForm } from '../attention/ScheduleForm'
import { ErrorLine } from '../../components/ErrorLine'
import { FormFooter } from '../../components/FormFooter'
import { Modal } from '../../components/Modal'

type Start = ResponseOf<'rotation:guidedStart'>
type Stored = ResponseOf<'rotation:guidedSubmit'>
type Journal = ResponseOf<'rotation:state'>

/** Main's journal is past the paste: the new key is stored, the old one waits to be deleted (or was). */
function storedIn(journal: Journal | null): boolean {
  return (
    journal !== null &&
    journal.retire === 'dashboard' &&
    (journal.next === 'retire' || journal.next === 'prove' || journal.next === 'done')
  )
}

/** The journal's last word on a step (its message and outcome), if the step ran. */
function lastOf(journal: Journal | null, step: Journal['log'][number]['step']) {
  return journal?.log.findLast((entry) => entry.step === step) ?? null
}

const FILE_OUTCOME: Record<Stored['files'][number]['outcome'], string> = {
  updated: 'updated',
  'changed-by-hand': 'changed by hand — left alone',
  skipped: 'left as it was',
  missing: 'file missing',
  failed: 'could not be written',
}

/**
 * Guided rotation, for providers whose keys are made in a dashboard (the core GuidedRotation the CLI drives):
 * 1. open the provider's key page and create a new key; 2. paste it — refused if it is the key Keyward already has,
 * verified with the provider before anything is stored, so a typo changes nothing; then stored as the new version and
 * written to the .env files that held the old value; 3. delete the old key in the dashboard; 4. the old key asked once
 * more. Main journals each step: after a lock or a restart the dialog opens where the rotation stands, and what it
 * shows of the steps after the paste is main's journal, not a copy kept here.
 */
export function GuidedRotationDialog({
  keySummary,
  onClose,
}: {
  readonly keySummary: KeySummary
  readonly onClose: (notice: string | null) => void
}) {
  const titleId = useId()
  // As the key was when the dialog opened: the list refreshes the summary once the new value is stored.
  const [pastExpiry] = useState(() => (keySummary.status === 'expired' ? keySummary.expiresAt : null))
  const [start, setStart] = useState<Start | null>(null)
  const [value, setValue] = useState('')
  const [pairId, setPairId] = useState('')
  const [stored, setStored] = useState<Stored | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [journal, setJournal] = useState<Journal | null>(null)
  const [dated, setDated] = useState(false)
  const valueField = useRef<HTMLInputElement>(null)

  useEffect(() => {
    let open = true
    // Where main's journal stands: a rotation stored before a lock or a restart resumes at the old key's deletion.
    command('rotation:state', { id: keySummary.id })
      .then(async (found) => {
        if (!open) return
        if (storedIn(found)) return setJournal(found)
        const begun = await command('rotation:guidedStart', { id: keySummary.id })
        if (open) setStart(begun)
      })
      .catch((caught: unknown) => open && setError(errorInfo(caught).message))
    return () => {
      open = false
    }
  }, [keySummary.id])

  /** "I deleted it" (the retire step, confirmed), then the old key asked again where the provider can be asked. */
  async function deleted() {
    setBusy(true)
    try {
      let next = journal
      if (next?.next === 'retire')
        next = await command('rotation:step', { id: keySummary.id, action: 'run', confirmed: true })
      if (next?.next === 'prove') next = await command('rotation:step', { id: keySummary.id, action: 'run' })
      setJournal(next)
    } catch (caught) {
      setError(errorInfo(caught).message)
    } finally {
      setBusy(false)
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const answer = await command('rotation:guidedSubmit', {
        id: keySummary.id,
        value: value.trim(),
        pairId: start?.pairLabel == null ? null : pairId.trim(),
      })
      setValue('')
      setStored(answer)
      setJournal(await command('rotation:state', { id: keySummary.id }))
    } catch (caught) {
      setError(`${errorInfo(caught).message} Nothing was stored.`)
      valueField.current?.focus()
    } finally {
      setBusy(false)
    }
  }

  const provider = start?.provider ?? journal?.provider ?? keySummary.provider
  const isStored = storedIn(journal)
  const reminder = `Remember to delete the old ${keySummary.name} key in ${provider}'s dashboard.`
  const verified = lastOf(journal, 'verify')
  const proof = lastOf(journal, 'prove')
  const finished = journal?.next === 'done'
  return (
    <Modal titleId={titleId} onClose={() => onClose(isStored && !finished ? reminder : null)}>
      <h2 id={titleId}>Rotate {keySummary.name}</h2>
      {!isStored ? (
        <form onSubmit={(event) => void submit(event)} noValidate>
          <ol className="steps">
            <li>
              {start?.dashboardUrl == null ? (
                `Open ${provider}'s dashboard`
              ) : (
                <a
                  href={start.dashboardUrl}
                  target="_blank"
                  rel="noreferrer noopener"
                >{`Open ${provider}'s key page`}</a>
              )}{' '}
              and create a new key with the same permissions ({start?.environment ?? keySummary.environment}).
              {start !== null && start.advice.length > 0 ? (
                <ul className="plain muted">
                  {start.advice.map((advice) => (
                    <li key={advice}>{advice}</li>
                  ))}
                </ul>
              ) : null}
            </li>
            <li>
              Paste it here: {provider} checks it before Keyward stores it.
              {start?.pairLabel != null ? (
                <>
                  <label htmlFor="rotate-pair-id">{`The new key's ${start.pairLabel}`}</label>
                  <input
                    id="rotate-pair-id"
                    className="mono"
                    value={pairId}
                    onChange={(event) => setPairId(event.target.value)}
                    autoComplete="off"
                    spellCheck={false}
                  />
                </>
              ) : null}
              <label htmlFor="rotate-value">New key</label>
              <input
                id="rotate-value"
                ref={valueField}
                type="password"
                autoComplete="off"
                spellCheck={false}
                autoFocus
                value={value}
                onChange={(event) => setValue(event.target.value)}
              />
            </li>
          </ol>
          <FormFooter
            error={error}
            onCancel={() => onClose(null)}
            submitLabel={busy ? 'Verifying…' : 'Verify and store'}
            disabled={busy || start === null || value.trim() === ''}
          />
        </form>
      ) : (
        <>
          <p role="status">
            {verified?.outcome === 'done'
              ? `Verified: ${verified.message} Stored; the old value is kept in the history.`
              : 'Stored; the old value is kept in the history.'}
          </p>
          {stored === null ? (
            <p className="muted">{lastOf(journal, 'propagate')?.message ?? ''}</p>
          ) : stored.files.length > 0 ? (
            <ul className="plain" aria-label=".env files">
              {stored.files.map((update) => (
                <li key={update.file + update.variable}>
                  <code>{update.file}</code> ({update.variable}): {FILE_OUTCOME[update.outcome]}
                </li>
              ))}
            </ul>
          ) : null}
          {/* The store cleared the old value's past expiry (keyStore.replaceValue): the new key's dates are asked. */}
          {stored !== null && pastExpiry !== null && !dated ? (
            <>
              <p>{`The old key's expiry date (${pastExpiry}) had passed and is cleared: give the new key its dates.`}</p>
              <ScheduleForm keySummary={stored.key} onDone={(saved) => saved !== null && setDated(true)} />
            </>
          ) : null}
          <p>{`3. Delete the OLD key in ${provider}'s dashboard now: it still works there until you do.`}</p>
          {proof === null ? null : (
            <p role="status" className={proof.outcome === 'failed' ? 'outcome outcome-error' : 'outcome outcome-ok'}>
              {`4. ${proof.message}`}
            </p>
          )}
          <ErrorLine message={error} />
          <div className="actions">
            <button type="button" onClick={() => onClose(finished ? `Rotated ${keySummary.name}.` : reminder)}>
              Later
            </button>
            {finished ? (
              <button
                type="button"
                className="primary"
                autoFocus
                onClick={() => onClose(`Rotated ${keySummary.name}.`)}
              >
                Done
              </button>
            ) : (
              <button type="button" className="primary" autoFocus onClick={() => void deleted()} disabled={busy}>
                {proof === null ? 'Done — I deleted it' : 'Check again'}
              </button>
            )}
          </div>
        </>
      )}
    </Modal>
  )
}
