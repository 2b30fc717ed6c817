import type { KeySummary } from '../../../../src-preload/contract'
import { statusOf } from './keyStatus'

interface Props {
  readonly keySummary: KeySummary
  readonly onReveal: () => void
  readonly onCopy: () => void
  readonly onDelete: () => void
}

/** The selected key's metadata (never its value: a fixed mask and the last 4) and its actions. */
export function KeyDetail({ keySummary: key, onReveal, onCopy, onDelete }: Props) {
  const status = statusOf(key)
  return (
    <section className="detail" aria-labelledby="detail-title">
      <h2 id="detail-title">{key.name}</h2>
      <p className="muted">
        {key.provider} · {key.environment}
      </p>
      <div className="actions">
        <button type="button" onClick={onCopy}>
          Copy
        </button>
        <button type="button" onClick={onReveal}>
          Reveal
        </button>
        <button type="button" className="danger" onClick={onDelete}>
          Delete…
        </button>
      </div>
      <dl className="facts">
        <dt>Value</dt>
        <dd className="mono">•••••••• {key.hint === '' ? '' : `…${key.hint}`}</dd>
        <dt>Env var</dt>
        <dd className="mono">{key.envVar ?? '—'}</dd>
        <dt>Status</dt>
        <dd>
          <span className={`status status-${status.tone}`}>
            <span aria-hidden="true">{status.icon}</span> {status.text}
          </span>
          <span className="muted"> ({status.title})</span>
        </dd>
        <dt>Rotate every</dt>
        <dd>{key.rotateEveryDays === null ? '—' : `${key.rotateEveryDays} days`}</dd>
        <dt>Last verified</dt>
        <dd>{key.lastVerifiedAt === null ? 'never' : `${key.lastVerifiedAt.slice(0, 10)} (${key.lastVerifyResult ?? ''})`}</dd>
        <dt>Tags</dt>
        <dd>{key.tags.join(', ') || '—'}</dd>
        <dt>Notes</dt>
        <dd>{key.notes || '—'}</dd>
        <dt>Added</dt>
        <dd>{key.createdAt.slice(0, 10)}</dd>
      </dl>
    </section>
  )
}
