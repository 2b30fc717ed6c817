import type { KeySummary } from '../../../../src-preload/contract'
import { useRead } from '../../store/useRead'
import { ProviderActions } from './ProviderActions'
import { statusOf } from './keyStatus'
import { shownText } from '../../lib/shownText'
import { Copy, EllipsisVertical, Eye } from 'lucide-react'
import { useRef, useState } from 'react'
import { KeyMenu } from './KeyMenu'
import { ProviderIcon } from '../../components/ProviderIcon'

interface Props {
  readonly keySummary: KeySummary
  readonly onReveal: () => void
  readonly onCopy: () => void
  readonly onEdit: () => void
  readonly onReplace: () => void
  readonly onWriteEnv: () => void
  readonly onDelete: () => void
  /** A provider answered (verify, sync, revoke): the list re-reads the key. */
  readonly onProviderAnswer: (notice: string) => void
}

/**
 * The selected key: its metadata and reminder state at once (from the list's summary), then — loaded for it alone —
 * the value history (when each value was set and retired, never a value), where it was written, and its activity.
 */
/** The provider's last answer in words (a stored error code is never shown as such). */
function verifyWords(result: string | null): string {
  if (result === 'ok') return 'live'
  if (result === 'restricted') return 'live, restricted'
  if (result === 'invalid') return 'rejected'
  return 'no answer'
}

/** Whether a file still holds the key, as read when the pane opened. */
const USAGE_TEXT = { current: 'current', changed: 'changed by hand', missing: 'missing' } as const

export function KeyDetail({
  keySummary: key,
  onReveal,
  onCopy,
  onEdit,
  onReplace,
  onWriteEnv,
  onDelete,
  onProviderAnswer,
}: Props) {
  // Refreshed by the store when the key changes here, in the CLI or in the tray (its history, files, activity).
  const detail = useRead('key:detail', { id: key.id }).data
  const status = statusOf(key)

  const [menu, setMenu] = useState<{ x: number; y: number } | null>(null)
  const menuButton = useRef<HTMLButtonElement>(null)

  return (
    <section className="detail" aria-labelledby="detail-title">
      <header className="detail-head">
        <div className="detail-title-row">
          <ProviderIcon provider={key.provider} />
          <h2 id="detail-title" tabIndex={-1}>
            {key.name}
          </h2>
          <span className={`pill status-${status.tone}`} title={status.title}>
            <span aria-hidden="true">{status.icon}</span> {status.text}
          </span>
        </div>
        <p className="muted detail-sub">
          {detail?.provider.name ?? key.provider} ·{' '}
          <span className={`badge env-${key.environment}`}>{key.environment}</span>
        </p>
        <div className="actions primary-actions">
          <button type="button" className="primary" onClick={onCopy} title="Ctrl+C">
            <Copy aria-hidden /> Copy
          </button>
          <button type="button" onClick={onReveal} title="Ctrl+R">
            <Eye aria-hidden /> Reveal
          </button>
          <button
            ref={menuButton}
            type="button"
            className="ghost"
            aria-label={`More actions for ${key.name}`}
            aria-haspopup="menu"
            onClick={(event) => {
              const box = event.currentTarget.getBoundingClientRect()
              setMenu({ x: box.right - 200, y: box.bottom + 4 })
            }}
          >
            <EllipsisVertical aria-hidden />
          </button>
        </div>
      </header>
      {menu === null ? null : (
        <KeyMenu
          label={`More actions for ${key.name}`}
          at={menu}
          onClose={() => {
            setMenu(null)
            menuButton.current?.focus()
          }}
          actions={[
            { label: 'Edit', run: onEdit },
            { label: 'New value…', run: onReplace },
            ...(key.status === 'active' ? [{ label: 'Write to .env…', run: onWriteEnv }] : []),
            { label: 'Delete…', run: onDelete },
          ]}
        />
      )}
      <dl className="facts">
        <dt>Value</dt>
        <dd className="mono">•••••••• {key.hint === '' ? '' : `…${key.hint}`}</dd>
        <dt>Env var</dt>
        <dd className="mono">{key.envVar ?? '—'}</dd>
        <dt>Status</dt>
        <dd>
          <span className={`status status-${status.tone}`} title={status.title}>
            <span aria-hidden="true">{status.icon}</span> {status.text}
          </span>
        </dd>
        <dt>Why</dt>
        <dd>{key.state.reason}</dd>
        <dt>Rotate every</dt>
        <dd>{key.rotateEveryDays === null ? '—' : `${key.rotateEveryDays} days`}</dd>
        <dt>Last verified</dt>
        <dd>
          {key.lastVerifiedAt === null
            ? 'never'
            : `${key.lastVerifiedAt.slice(0, 10)} (${verifyWords(key.lastVerifyResult)})`}
        </dd>
        <dt>Tags</dt>
        <dd>{key.tags.join(', ') || '—'}</dd>
        <dt>Notes</dt>
        <dd>{shownText(key.notes) || '—'}</dd>
      </dl>
      {detail === null ? null : (
        <>
          <ProviderActions key={key.id} keySummary={key} provider={detail.provider} onChanged={onProviderAnswer} />
          <h3>At {detail.provider.name}</h3>
          {detail.metadata.length === 0 ? (
            <p className="muted">Nothing reported yet.</p>
          ) : (
            <dl className="facts" aria-label={`Reported by ${detail.provider.name}`}>
              {detail.metadata.map((row) => (
                <div key={row.name} className="fact">
                  <dt>{row.name}</dt>
                  <dd className="mono">{shownText(row.value)}</dd>
                </div>
              ))}
            </dl>
          )}
          <h3>History</h3>
          <ol className="plain" aria-label="Value history">
            {detail.versions.map((version) => (
              <li key={version.createdAt + version.hint}>
                <span className="mono">…{version.hint}</span> set {version.createdAt.slice(0, 10)}
                {version.current
                  ? ' · current'
                  : ` · retired ${version.retiredAt?.slice(0, 10) ?? ''} (${version.retiredReason ?? ''})`}
              </li>
            ))}
          </ol>
          <h3>Where used</h3>
          {detail.usages.length === 0 ? (
            <p className="muted">Not written to any .env file yet.</p>
          ) : (
            <ul className="plain" aria-label="Where used">
              {detail.usages.map((usage) => (
                <li key={usage.file + usage.variable}>
                  <code>{usage.file}</code> ({usage.variable}), {usage.writtenAt.slice(0, 10)}{' '}
                  <span className={`usage usage-${usage.state}`}>{USAGE_TEXT[usage.state]}</span>
                </li>
              ))}
            </ul>
          )}
          <h3>Activity</h3>
          <ul className="plain" aria-label="Activity">
            {detail.activity.map((event, i) => (
              <li key={i}>
                {event.at.slice(0, 16).replace('T', ' ')} · {event.action} ·{' '}
                {event.actor === 'app' ? 'this app' : 'the CLI'}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}
