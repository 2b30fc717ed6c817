import { useEffect, useId, useRef, useState } from 'react'
import type { ResponseOf } from '../../../../src-preload/contract'
import { errorInfo } from '../../lib/errors'
import { command } from '../../store/commands'
import { Modal } from '../../components/Modal'
import { shownText } from '../../lib/shownText'

type Outcome = ResponseOf<'key:verify'>['outcome']
const NAMES: Record<Outcome, string> = {
  ok: 'live',
  restricted: 'restricted',
  invalid: 'invalid',
  error: 'not checked',
}

/**
 * Verify all: every active key whose provider can verify by API, one at a time (as `keyward verify --all`), with a
 * progress bar; Cancel stops before the next key. Each answer is stored with its key as it comes.
 */
export function VerifyAllDialog({ onClose }: { readonly onClose: (notice: string | null) => void }) {
  const titleId = useId()
  const [total, setTotal] = useState<number | null>(null)
  const [done, setDone] = useState(0)
  const [counts, setCounts] = useState<Record<Outcome, number>>({ ok: 0, restricted: 0, invalid: 0, error: 0 })
  const [problems, setProblems] = useState<string[]>([])
  const [state, setState] = useState<'running' | 'cancelled' | 'finished'>('running')
  // Each run has its own flag: React may start the effect twice in development, and the first run must stay stopped.
  const run = useRef({ stopped: false })

  useEffect(() => {
    const current = { stopped: false }
    run.current = current
    void (async () => {
      try {
        const { ids } = await command('keys:verifiable', {})
        setTotal(ids.length)
        for (const id of ids) {
          if (current.stopped) return setState('cancelled')
          const answer = await command('key:verify', { id })
          setCounts((current) => ({ ...current, [answer.outcome]: current[answer.outcome] + 1 }))
          if (answer.outcome === 'invalid' || answer.outcome === 'error')
            setProblems((list) => [...list, `${answer.key.ref}: ${shownText(answer.message)}`])
          setDone((count) => count + 1)
        }
        setState('finished')
      } catch (caught) {
        setProblems((list) => [...list, shownText(errorInfo(caught).message)])
        setState('cancelled')
      }
    })()
    return () => {
      current.stopped = true
    }
  }, [])

  const summary = (Object.keys(NAMES) as Outcome[])
    .filter((outcome) => counts[outcome] > 0)
    .map((outcome) => `${counts[outcome]} ${NAMES[outcome]}`)
    .join(' · ')
  const line = `${done} of ${total ?? '…'} verified${summary === '' ? '' : ` · ${summary}`}${state === 'cancelled' ? ' · stopped' : ''}`
  return (
    <Modal titleId={titleId} onClose={() => onClose(state === 'running' ? null : line)}>
      <h2 id={titleId}>Verify all</h2>
      <progress max={total ?? 1} value={total === null ? undefined : done} aria-labelledby={titleId} />
      <p role="status">{line}</p>
      {problems.length > 0 ? (
        <ul className="plain" aria-label="Keys that need a look">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : null}
      <div className="actions">
        {state === 'running' ? (
          <button type="button" onClick={() => (run.current.stopped = true)}>
            Cancel
          </button>
        ) : (
          <button type="button" className="primary" autoFocus onClick={() => onClose(line)}>
            Done
          </button>
        )}
      </div>
    </Modal>
  )
}
