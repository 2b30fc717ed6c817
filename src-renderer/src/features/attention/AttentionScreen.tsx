import { useState } from 'react'
import type { KeySummary, ResponseOf } from '../../../../src-preload/contract'
import { ErrorCard } from '../../components/ErrorCard'
import { errorInfo } from '../../lib/errors'
import { command } from '../../store/commands'
import { useRead } from '../../store/useRead'
import { useKeywardStore } from '../../store'
import { ScheduleForm } from './ScheduleForm'
import { Timeline } from './Timeline'

type Attention = ResponseOf<'reminders:attention'>
type Item = Attention['items'][number]
const SNOOZES = [
  ['1d', '1 day'],
  ['1w', '1 week'],
  ['next-state', 'Until the next state'],
] as const
type Snooze = (typeof SNOOZES)[number][0]

function when(item: Item): string {
  if (item.days === null) return 'Rejected by the provider'
  const days = Math.abs(item.days)
  const plural = `${days} day${days === 1 ? '' : 's'}`
  if (item.state === 'expired') return `Expired ${plural} ago`
  if (item.state === 'rejected')
    return `Rejected by the provider · ${item.days < 0 ? `date passed ${plural} ago` : `next date in ${plural}`}`
  if (item.state === 'overdue') return `Rotation overdue by ${plural}`
  return item.days === 0 ? 'Due today' : `Due in ${plural}`
}

function snoozeText(until: string): string {
  return until.startsWith('state:') ? 'Snoozed until its state changes' : `Snoozed until ${until.slice(0, 10)}`
}

/** One key that needs attention: what and when, then open, snooze or set its dates — each one click away. */
function AttentionRow({
  item,
  onChanged,
}: {
  readonly item: { key: KeySummary } & Partial<Item>
  readonly onChanged: (notice: string) => void
}) {
  const openKey = useKeywardStore((state) => state.openKey)
  const [open, setOpen] = useState<'snooze' | 'dates' | null>(null)
  const { key } = item

  async function snooze(choice: Snooze, label: string) {
    try {
      await command('key:snooze', { id: key.id, snooze: choice })
      setOpen(null)
      onChanged(`${key.ref}: reminders snoozed (${label.toLowerCase()}).`)
    } catch (caught) {
      onChanged(errorInfo(caught).message)
    }
  }

  return (
    <li className={`attention-row state-${item.state ?? 'none'}`}>
      <div className="attention-what">
        <button type="button" className="link" onClick={() => void openKey(key.id)}>
          {key.ref}
        </button>
        <span className="muted">
          {item.state === undefined ? 'No expiry date and no rotation period' : when(item as Item)}
        </span>
        {item.snoozedUntil ? <span className="badge">{snoozeText(item.snoozedUntil)}</span> : null}
      </div>
      <div className="attention-actions">
        {item.state === undefined ? null : (
          <button
            type="button"
            aria-expanded={open === 'snooze'}
            onClick={() => setOpen(open === 'snooze' ? null : 'snooze')}
          >
            Snooze
          </button>
        )}
        <button
          type="button"
          aria-expanded={open === 'dates'}
          onClick={() => setOpen(open === 'dates' ? null : 'dates')}
        >
          Set dates
        </button>
      </div>
      {open === 'snooze' ? (
        <div role="group" aria-label={`Snooze ${key.ref}`} className="snooze-choices">
          {SNOOZES.map(([choice, label]) => (
            <button key={choice} type="button" onClick={() => void snooze(choice, label)}>
              {label}
            </button>
          ))}
        </div>
      ) : null}
      {open === 'dates' ? (
        <ScheduleForm
          keySummary={key}
          onDone={(saved) => {
            setOpen(null)
            if (saved !== null) onChanged(`${saved.ref}: ${saved.state.reason}.`)
          }}
        />
      ) : null}
    </li>
  )
}

/**
 * "Needs attention": expired, rejected, overdue and due keys (soonest first), keys with no dates, and the next 90 days as a
 * timeline — the same rule main uses for `keyward due` and the notifications.
 */
export function AttentionScreen() {
  // Refreshed by the store after a snooze or new dates here, and when the CLI or the tray changes a key.
  const { data, error } = useRead('reminders:attention', {})
  const [notice, setNotice] = useState<string | null>(null)
  const changed = setNotice

  if (error !== null) return <ErrorCard title="Keyward cannot read what is due" error={error} />
  if (data === null) return <p className="muted">Loading…</p>
  return (
    <section className="page attention">
      <h1>Needs attention</h1>
      <Timeline timeline={data.timeline} />
      <p className="notice" role="status">
        {notice ?? ''}
      </p>
      <h2>Expired, rejected, overdue and due ({data.itemsTotal})</h2>
      {data.items.length === 0 ? (
        <p className="all-clear">Nothing is due. {nextDate(data)}</p>
      ) : (
        <ul className="plain attention-list" aria-label="Keys that need attention">
          {data.items.map((item) => (
            <AttentionRow key={item.key.id} item={item} onChanged={changed} />
          ))}
        </ul>
      )}
      {data.itemsTotal > data.items.length ? (
        <p className="muted">{`And ${data.itemsTotal - data.items.length} more: fix these first, or see them all with keyward due.`}</p>
      ) : null}
      <h2>No expiry date ({data.noExpiry.count})</h2>
      {data.noExpiry.count === 0 ? (
        <p className="muted">Every key has an expiry date or a rotation period.</p>
      ) : (
        <>
          <p className="muted">Providers advise rotating keys; give each one a date so Keyward can remind you.</p>
          <ul className="plain attention-list" aria-label="Keys without dates">
            {data.noExpiry.keys.map((key) => (
              <AttentionRow key={key.id} item={{ key }} onChanged={changed} />
            ))}
          </ul>
          {data.noExpiry.count > data.noExpiry.keys.length ? (
            <p className="muted">{`And ${data.noExpiry.count - data.noExpiry.keys.length} more.`}</p>
          ) : null}
        </>
      )}
    </section>
  )
}

function nextDate(data: Attention): string {
  const next = data.timeline.dates[0]
  return next === undefined ? 'No date in the next 90 days.' : `Next: ${next.ref}, ${next.date}.`
}
