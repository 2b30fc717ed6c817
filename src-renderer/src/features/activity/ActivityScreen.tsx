import { useCallback, useEffect, useRef, useState } from 'react'
import type { ResponseOf } from '../../../../src-preload/contract'
import { call, errorInfo } from '../../lib/call'

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
  const [rows, setRows] = useState<readonly AuditRow[]>([])
  const [actions, setActions] = useState<readonly string[]>([])
  const [more, setMore] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const seq = useRef(0)

  /** A page from main, shown when it is still the latest request (a newer filter's answer wins). */
  const load = useCallback(
    (beforeId: number | null) => {
      const mine = ++seq.current
      call('audit:page', { beforeId, action: action === '' ? null : action, keyRef: keyRef.trim() === '' ? null : keyRef.trim() }).then(
        (page) => {
          if (mine !== seq.current) return
          setActions(page.actions)
          setRows((current) => (beforeId === null ? page.events : [...current, ...page.events]))
          setMore(page.more)
          setError(null)
        },
        (caught: unknown) => {
          if (mine === seq.current) setError(errorInfo(caught).message)
        },
      )
    },
    [action, keyRef],
  )

  useEffect(() => load(null), [load])

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
        <input id="activity-key" type="search" value={keyRef} onChange={(event) => setKeyRef(event.target.value)} placeholder="provider/name" autoComplete="off" />
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
        <button type="button" onClick={() => load(rows.at(-1)?.id ?? null)}>
          Show older
        </button>
      ) : null}
    </section>
  )
}
