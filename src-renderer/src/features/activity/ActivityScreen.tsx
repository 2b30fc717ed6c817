import { useState } from 'react'
import type { ResponseOf } from '../../../../src-preload/contract'
import { errorInfo } from '../../lib/errors'
import { command } from '../../store/commands'
import { useRead } from '../../store/useRead'

type Page = ResponseOf<'audit:page'>
type AuditRow = Page['events'][number]

/**
 * Activity: the audit trail — who revealed, copied, verified, rotated, wrote what, and when — newest first, 50 at a
 * time ("Show older" fetches the next page by keyset in main), filtered by action and by part of a key's name.
 * The trail never holds a value.
 */
export function ActivityScreen() {
  const [action, setAction] = useState('')
  const [keyRef, setKeyRef] = useState('')
  const filter = { action: action === '' ? null : action, keyRef: keyRef.trim() === '' ? null : keyRef.trim() }
  // The newest page follows the trail (refreshed by the store after any change here, in the CLI or the tray).
  const newest = useRead('audit:page', { beforeId: null, ...filter })
  // Older pages, asked for with "Show older": they belong to the newest page they were fetched after.
  const [older, setOlder] = useState<{ after: Page; events: readonly AuditRow[]; more: boolean } | null>(null)
  const [olderError, setOlderError] = useState<string | null>(null)
  const extra = older !== null && older.after === newest.data ? older : null
  const rows = [...(newest.data?.events ?? []), ...(extra?.events ?? [])]
  const more = extra === null ? (newest.data?.more ?? false) : extra.more
  const actions = newest.data?.actions ?? []
  const error = olderError ?? newest.error?.message ?? null

  async function showOlder() {
    const after = newest.data
    if (after === null) return
    try {
      const page = await command('audit:page', { beforeId: rows.at(-1)?.id ?? null, ...filter })
      setOlder({ after, events: [...(extra?.events ?? []), ...page.events], more: page.more })
      setOlderError(null)
    } catch (caught) {
      setOlderError(errorInfo(caught).message)
    }
  }

  return (
    <section className="activity" aria-labelledby="activity-title">
      <h1 id="activity-title">Activity</h1>
      <div className="toolbar">
        <label htmlFor="activity-action">Action</label>
        <select id="activity-action" value={action} onChange={(event) => setAction(event.target.value)}>
          <option value="">All actions</option>
          {actions.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
        <label htmlFor="activity-key">Key</label>
        <input
          id="activity-key"
          type="search"
          value={keyRef}
          onChange={(event) => setKeyRef(event.target.value)}
          placeholder="provider/name"
          autoComplete="off"
        />
      </div>
      {error === null ? null : <p role="alert">{error}</p>}
      <p className="visually-hidden" role="status">{`${rows.length}${more ? '+' : ''} events`}</p>
      {rows.length === 0 ? (
        <p className="muted">Nothing recorded{action === '' && keyRef === '' ? ' yet' : ' that matches'}.</p>
      ) : (
        <table className="activity-table">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Action</th>
              <th scope="col">Key</th>
              <th scope="col">By</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td>{row.at.slice(0, 19).replace('T', ' ')}</td>
                <td>{row.action}</td>
                <td className="mono">{row.keyRef ?? '—'}</td>
                <td>{row.actor === 'app' ? 'this app' : row.actor === 'cli' ? 'the CLI' : row.actor}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {more ? (
        <button type="button" onClick={() => void showOlder()}>
          Show older
        </button>
      ) : null}
    </section>
  )
}
