import { useState } from 'react'
import type { KeySummary, ResponseOf } from '../../../../src-preload/contract'
import { errorInfo } from '../../lib/errors'
import { command } from '../../store/commands'
import { useKeywardStore } from '../../store'
import { GuidedRotationDialog } from './GuidedRotationDialog'
import { RevokeDialog } from './RevokeDialog'
import { RotationStepper } from './RotationStepper'
import { shownText } from '../../lib/shownText'

type Outcome = ResponseOf<'key:verify'>
type Provider = ResponseOf<'key:detail'>['provider']

const LABEL: Record<Outcome['outcome'], string> = {
  ok: 'Live',
  restricted: 'Restricted',
  invalid: 'Invalid',
  error: 'Not checked',
}

/**
 * Verify, Sync and Revoke at the key's provider, where its API offers them (the same core operations as the CLI).
 * The answer stays in view — live / restricted / invalid / why it could not be checked — until the next action.
 */
export function ProviderActions({
  keySummary,
  provider,
  onChanged,
}: {
  readonly keySummary: KeySummary
  readonly provider: Provider
  readonly onChanged: (notice: string) => void
}) {
  const [busy, setBusy] = useState<'verify' | 'sync' | null>(null)
  const [answer, setAnswer] = useState<{ tone: Outcome['outcome']; text: string } | null>(null)
  const [revoking, setRevoking] = useState(false)
  const [rotating, setRotating] = useState(false)
  const [rotatingByApi, setRotatingByApi] = useState(false)
  const pendingRotation = useKeywardStore((state) => state.pendingRotation)
  const clearPendingRotation = useKeywardStore((state) => state.clearPendingRotation)

  /** The answer in view, and the list and detail re-read (the result and metadata are stored with the key). */
  function show(outcome: Outcome, okLabel = LABEL.ok) {
    const label = outcome.outcome === 'ok' ? okLabel : LABEL[outcome.outcome]
    setAnswer({ tone: outcome.outcome, text: `${label}: ${shownText(outcome.message)}` })
    onChanged(`${keySummary.name}: ${label.toLowerCase()}.`)
  }

  async function run(action: 'verify' | 'sync') {
    setBusy(action)
    setAnswer(null)
    try {
      show(await command(action === 'verify' ? 'key:verify' : 'key:sync', { id: keySummary.id }))
    } catch (caught) {
      setAnswer({ tone: 'error', text: shownText(errorInfo(caught).message) })
    } finally {
      setBusy(null)
    }
  }

  // An expired key is rotated guided all the same (a new key from the dashboard replaces it); never a revoked one.
  const guided = provider.rotate === 'guided' && keySummary.status !== 'revoked'
  const byApi = provider.rotate === 'api' && keySummary.status === 'active'
  // Health's "Rotate…" opened this key: its rotation dialog opens with it, once.
  const asked = pendingRotation === keySummary.id
  const closeAsked = () => {
    if (asked) clearPendingRotation()
  }
  // "Rotate…" from Health, the list's menu or the palette, for a key Keyward cannot rotate: say so, and what to do.
  const cannotRotate = asked && !guided && !byApi
  const noRotation = (
    <p role="status" className="muted">
      {`${provider.name} keys are not rotated by Keyward${keySummary.status === 'revoked' ? ' once revoked' : ''}: make a new key at ${provider.name}, then store it with New value….`}
    </p>
  )
  if (provider.verify !== 'api' && provider.sync !== 'api' && provider.revoke !== 'api' && !guided && !byApi)
    return cannotRotate ? noRotation : null
  return (
    <div className="provider-actions">
      <div className="actions" role="group" aria-label={`At ${provider.name}`}>
        {provider.verify === 'api' ? (
          <button type="button" onClick={() => void run('verify')} disabled={busy !== null}>
            {busy === 'verify' ? 'Verifying…' : 'Verify'}
          </button>
        ) : null}
        {provider.sync === 'api' ? (
          <button type="button" onClick={() => void run('sync')} disabled={busy !== null}>
            {busy === 'sync' ? 'Syncing…' : 'Sync'}
          </button>
        ) : null}
        {byApi ? (
          <button type="button" onClick={() => setRotatingByApi(true)} disabled={busy !== null}>
            Rotate…
          </button>
        ) : null}
        {guided ? (
          <button type="button" onClick={() => setRotating(true)} disabled={busy !== null}>
            Rotate…
          </button>
        ) : null}
        {provider.revoke === 'api' && keySummary.status === 'active' ? (
          <button type="button" className="danger" onClick={() => setRevoking(true)} disabled={busy !== null}>
            Revoke…
          </button>
        ) : null}
      </div>
      {cannotRotate ? noRotation : null}
      <p role="status" className={answer === null ? 'muted' : `outcome outcome-${answer.tone}`}>
        {answer?.text ?? ''}
      </p>
      {rotatingByApi || (asked && byApi) ? (
        <RotationStepper
          keySummary={keySummary}
          onClose={(notice) => {
            closeAsked()
            setRotatingByApi(false)
            if (notice !== null) onChanged(notice)
          }}
        />
      ) : null}
      {rotating || (asked && guided) ? (
        <GuidedRotationDialog
          keySummary={keySummary}
          onClose={(notice) => {
            closeAsked()
            setRotating(false)
            if (notice !== null) onChanged(notice)
          }}
        />
      ) : null}
      {revoking ? (
        <RevokeDialog
          keySummary={keySummary}
          providerName={provider.name}
          onClose={() => setRevoking(false)}
          onDone={(outcome) => {
            setRevoking(false)
            show(outcome, 'Revoked')
          }}
        />
      ) : null}
    </div>
  )
}
