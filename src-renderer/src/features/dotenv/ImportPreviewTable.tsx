import { useVirtualizer } from '@tanstack/react-virtual'
import { useRef } from 'react'
import type { ResponseOf } from '../../../../src-preload/contract'

type Row = ResponseOf<'dotenv:importPreview'>['rows'][number]

const ROW_ESTIMATE = 36

function outcome(row: Row): string {
  switch (row.action) {
    case 'create':
      return `New key ${row.ref ?? ''}`
    case 'duplicate':
      return `Already stored as ${row.ref ?? ''}: skipped`
    case 'conflict':
      return `The name ${row.ref ?? ''} is taken: skipped`
    case 'placeholder':
      return 'A placeholder, not a key: left out'
    case 'unrecognised':
      return 'No known key format: left out'
    case 'temporary':
      return 'A temporary AWS key (needs its session token, expires within hours): left out'
  }
}

/** Stands in for the rows above or below the rendered ones, so the scrollbar spans the whole file. */
function Spacer({ height }: { readonly height: number }) {
  return height <= 0 ? null : (
    <tr className="spacer" aria-hidden="true" style={{ height }}>
      <td colSpan={5} />
    </tr>
  )
}

/**
 * The import preview, one row per variable, virtualized (UI.md §4.13): a 10k-line file keeps a few dozen rows in the
 * DOM. Tabbing to a checkbox scrolls it into view, which renders the rows after it, so Tab still reaches every row;
 * aria-rowcount and aria-rowindex tell screen readers where a row sits in the whole file.
 */
export function ImportPreviewTable({
  rows,
  ticked,
  onToggle,
}: {
  readonly rows: readonly Row[]
  readonly ticked: ReadonlySet<string>
  readonly onToggle: (variable: string, on: boolean) => void
}) {
  const scroller = useRef<HTMLDivElement>(null)
  // eslint-disable-next-line react-hooks/incompatible-library -- as in KeyList: TanStack Virtual (UI.md §3.4); this table re-renders on scroll anyway
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 12,
  })
  const items = virtualizer.getVirtualItems()
  const before = items[0]?.start ?? 0
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0)
  return (
    <div ref={scroller} className="import-scroll">
      <table className="diff import-preview" aria-rowcount={rows.length + 1}>
        <caption className="visually-hidden">What the import would do</caption>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col">Import</th>
            <th scope="col">Variable</th>
            <th scope="col">Provider</th>
            <th scope="col">Value</th>
            <th scope="col">What happens</th>
          </tr>
        </thead>
        <tbody>
          <Spacer height={before} />
          {items.map((item) => {
            const row = rows[item.index]
            if (row === undefined) return null
            return (
              <tr
                key={row.variable}
                ref={virtualizer.measureElement}
                data-index={item.index}
                aria-rowindex={item.index + 2}
                className={`import-${row.action}`}
              >
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Import ${row.variable}`}
                    disabled={row.action !== 'create'}
                    checked={ticked.has(row.variable)}
                    onChange={(event) => onToggle(row.variable, event.target.checked)}
                  />
                </td>
                <th scope="row">
                  <code>{row.variable}</code>
                </th>
                <td>{row.provider ?? '—'}</td>
                <td>
                  <code>{row.masked}</code>
                </td>
                <td>{outcome(row)}</td>
              </tr>
            )
          })}
          <Spacer height={after} />
        </tbody>
      </table>
    </div>
  )
}
