import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import type { KeySummary, ResponseOf } from '../../../../src-preload/contract'
import { errorInfo } from '../../lib/errors'
import { command } from '../../store/commands'
import { ScheduleForm } from '../attention/ScheduleForm'
import { FormFooter } from '../../components/FormFooter'
import { Modal } from '../../components/Modal'

type Start = ResponseOf<'rotation:guidedStart'>
type Stored = ResponseOf<'rotation:guidedSubmit'>

const FILE_OUTCOME: Record<Stored['files'][number]['outcome'], string> = {
  updated: 'updated',
  'changed-by-hand': 'changed by hand — left alone',
  skipped: 'left as it was',
  missing: 'file missing',
  failed: 'could not be written',
}

/**
 * Guided rotation, for providers whose keys are made in a dashboard (the core GuidedRotation the CLI drives):
 * 1. open the provider's key page and create a new key; 2. paste it — verified with the provider before anything is
 * stored, so a typo changes nothing; then stored as the new version and written to the .env files that held the old
 * value; 3. delete the old key in the dashboard.
 */
export function GuidedRotationDialog({ keySummary, onClose }: { readonly keySummary: KeySummary; readonly onClose: (notice: string | null) => void }) {
  const titleId = useId()
  const [start, setStart] = useState<Start | null>(null)
  const [value, setValue] = useState('')
  const [pairId, setPairId] = useState('')
  const [stored, setStored] = useState<Stored | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [check, setCheck] = useState<ResponseOf<'rotation:checkOld'> | null>(null)
  const [dated, setDated] = useState(false)
  const valueField = useRef<HTMLInputElement>(null)

  useEffect(() => {
    command('rotation:guidedStart', { id: keySummary.id }).then(setStart, (caught: unknown) => setError(errorInfo(caught).message))
  }, [keySummary.id])

  /** "I deleted it": the old value asked again, where the provider can be asked; it must be rejected. */
  async function checkOld() {
    setBusy(true)
    try {
      setCheck(await command('rotation:checkOld', { id: keySummary.id }))
    } catch (caught) {
      setCheck({ outcome: 'unknown', message: errorInfo(caught).message })
    } finally {
      setBusy(false)
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const answer = await command('rotation:guidedSubmit', { id: keySummary.id, value: value.trim(), pairId: start?.pairLabel == null ? null : pairId.trim() })
      setValue('')
      setStored(answer)
    } catch (caught) {
      setError(`${errorInfo(caught).message} Nothing was stored.`)
      valueField.current?.focus()
    } finally {
      setBusy(false)
    }
  }

  const provider = start?.provider ?? keySummary.provider
  return (
    <Modal titleId={titleId} onClose={() => onClose(stored === null ? null : `Remember to delete the old ${keySummary.name} key in ${provider}'s dashboard.`)}>
      <h2 id={titleId}>Rotate {keySummary.name}</h2>
      {stored === null ? (
        <form onSubmit={(event) => void submit(event)} noValidate>
          <ol className="steps">
            <li>
              {start?.dashboardUrl == null ? (
                `Open ${provider}'s dashboard`
              ) : (
                <a href={start.dashboardUrl} target="_blank" rel="noreferrer noopener">{`Open ${provider}'s key page`}</a>
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
                  <input id="rotate-pair-id" className="mono" value={pairId} onChange={(event) => setPairId(event.target.value)} autoComplete="off" spellCheck={false} />
                </>
              ) : null}
              <label htmlFor="rotate-value">New key</label>
              <input id="rotate-value" ref={valueField} type="password" autoComplete="off" spellCheck={false} autoFocus value={value} onChange={(event) => setValue(event.target.value)} />
            </li>
          </ol>
          <FormFooter error={error} onCancel={() => onClose(null)} submitLabel={busy ? 'Verifying…' : 'Verify and store'} disabled={busy || start === null || value.trim() === ''} />
        </form>
      ) : (
        <>
          <p role="status">{stored.verified === null ? 'Stored; the old value is kept in the history.' : `Verified: ${stored.verified} Stored; the old value is kept in the history.`}</p>
          {stored.files.length > 0 ? (
            <ul className="plain" aria-label=".env files">
              {stored.files.map((update) => (
                <li key={update.file + update.variable}>
                  <code>{update.file}</code> ({update.variable}): {FILE_OUTCOME[update.outcome]}
                </li>
              ))}
            </ul>
          ) : null}
          {stored.key.status === 'expired' && !dated ? (
            <>
              <p>{`The key's expiry date (${stored.key.expiresAt ?? ''}) has passed: give the new key its dates.`}</p>
              <ScheduleForm keySummary={stored.key} onDone={(saved) => saved !== null && setDated(true)} />
            </>
          ) : null}
          <p>{`3. Delete the OLD key in ${provider}'s dashboard now: it still works there until you do.`}</p>
          {check === null ? null : (
            <p role="status" className={check.outcome === 'rejected' ? 'outcome outcome-ok' : 'outcome outcome-error'}>
              {`4. ${check.message}`}
            </p>
          )}
          <div className="actions">
            <button type="button" onClick={() => onClose(`Remember to delete the old ${keySummary.name} key in ${provider}'s dashboard.`)}>
              Later
            </button>
            {check?.outcome === 'rejected' || check?.outcome === 'unknown' ? (
              <button type="button" className="primary" autoFocus onClick={() => onClose(`Rotated ${keySummary.name}.`)}>
                Done
              </button>
            ) : (
              <button type="button" className="primary" autoFocus onClick={() => void checkOld()} disabled={busy}>
                {check === null ? 'Done — I deleted it' : 'Check again'}
              </button>
            )}
          </div>
        </>
      )}
    </Modal>
  )
}
