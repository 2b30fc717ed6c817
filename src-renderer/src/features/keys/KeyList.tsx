import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef, type KeyboardEvent } from 'react'
import type { KeySummary } from '../../../../src-preload/contract'
import { statusOf } from './keyStatus'

const ROW_HEIGHT = 40

interface Props {
  /** Rows in the list; only those near the visible ones need to be held (`rowAt` answers undefined for the rest). */
  readonly count: number
  readonly rowAt: (index: number) => KeySummary | undefined
  readonly selectedId: string | null
  readonly selectedIndex: number | null
  readonly busy: boolean
  /** The rows on screen (with overscan) changed: the owner fetches those it does not hold. */
  readonly onRange: (start: number, end: number) => void
  readonly onSelectAt: (index: number) => void
  readonly onTypeAhead: (prefix: string) => void
  readonly onOpen: (key: KeySummary) => void
  /** A row was clicked (the narrow window opens its detail drawer). */
  readonly onPick: () => void
  readonly onReveal: (key: KeySummary) => void
  readonly onDelete: (key: KeySummary) => void
  readonly onCopy: (key: KeySummary) => void
  /** The row's context menu: right-click, the Menu key or Shift+F10. */
  readonly onMenu: (key: KeySummary, at: { x: number; y: number }) => void
}

export function copyLabel(key: KeySummary): string {
  return `Copy ${key.envVar ?? key.name}`
}

function KeyRow({
  keySummary,
  onCopy,
}: {
  readonly keySummary: KeySummary
  readonly onCopy: (key: KeySummary) => void
}) {
  const status = statusOf(keySummary)
  return (
    <>
      <div role="gridcell" id={`key-cell-${keySummary.id}`} className="key-name">
        <span className="name">{keySummary.name}</span>
        <span className="muted provider">{keySummary.provider}</span>
      </div>
      <div role="gridcell" className="mono env-var">
        {keySummary.envVar ?? '—'}
      </div>
      <div role="gridcell" className="env">
        <span className={`badge env-${keySummary.environment}`}>{keySummary.environment}</span>
      </div>
      <div role="gridcell">
        <span className={`status status-${status.tone}`} title={status.title}>
          <span aria-hidden="true">{status.icon}</span> {status.text}
        </span>
      </div>
      <div role="gridcell" className="mono hint">
        {keySummary.hint === '' ? '' : `…${keySummary.hint}`}
      </div>
      <div role="gridcell" className="copy">
        <button
          type="button"
          className="small ghost"
          tabIndex={-1}
          aria-label={copyLabel(keySummary)}
          onClick={(event) => {
            event.stopPropagation()
            onCopy(keySummary)
          }}
        >
          Copy
        </button>
      </div>
    </>
  )
}

/**
 * The key list: a virtualized grid that is ONE tab stop (aria-activedescendant), moved with the arrows, Home/End
 * and PageUp/PageDown, with type-ahead by name; Enter opens, Space reveals, Ctrl/⌘+C copies, Del deletes. The per-row Copy
 * buttons are for the mouse and are not tab stops. `aria-rowcount` is the whole list, so a screen reader says
 * "row 40 of 12,000" though only the visible rows exist — and only the rows near them are held at all.
 */
export function KeyList({
  count,
  rowAt,
  selectedId,
  selectedIndex,
  busy,
  onRange,
  onSelectAt,
  onTypeAhead,
  onOpen,
  onPick,
  onReveal,
  onDelete,
  onCopy,
  onMenu,
}: Props) {
  const scroller = useRef<HTMLDivElement>(null)
  const typed = useRef({ text: '', at: 0 })
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual is the list's virtualizer (UI.md §3.4); the compiler skips memoizing this component, which re-renders on scroll anyway
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  })
  const items = virtualizer.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items[items.length - 1]?.index ?? 0

  useEffect(() => {
    if (count > 0) onRange(first, last)
  }, [first, last, count, onRange])

  useEffect(() => {
    if (selectedIndex !== null) virtualizer.scrollToIndex(selectedIndex)
  }, [selectedIndex, virtualizer])

  function move(to: number) {
    if (count > 0) onSelectAt(Math.max(0, Math.min(count - 1, to)))
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = selectedIndex ?? -1
    const current = rowAt(index)
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1)
    const handled = () => event.preventDefault()
    if (event.key === 'ArrowDown') return (handled(), move(index + 1))
    if (event.key === 'ArrowUp') return (handled(), move(index - 1))
    if (event.key === 'Home') return (handled(), move(0))
    if (event.key === 'End') return (handled(), move(count - 1))
    if (event.key === 'PageDown') return (handled(), move(index + page))
    if (event.key === 'PageUp') return (handled(), move(index - page))
    if (event.key.length === 1 && event.key !== ' ' && !event.ctrlKey && !event.metaKey && !event.altKey) {
      // Type-ahead: letters typed within a second of each other build a prefix of the key's name.
      const now = Date.now()
      typed.current = {
        text: now - typed.current.at < 1000 ? typed.current.text + event.key.toLowerCase() : event.key.toLowerCase(),
        at: now,
      }
      return onTypeAhead(typed.current.text)
    }
    if (current === undefined) return
    if (event.key === 'Enter') return (handled(), onOpen(current))
    if (event.key === ' ') return (handled(), onReveal(current))
    if (event.key === 'Delete') return (handled(), onDelete(current))
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'c') return (handled(), onCopy(current))
    if (event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10')) {
      const row = document.getElementById(`key-cell-${current.id}`)?.getBoundingClientRect()
      return (handled(), onMenu(current, { x: row?.left ?? 0, y: row?.bottom ?? 0 }))
    }
  }

  return (
    <div
      ref={scroller}
      className="key-list"
      data-focus-home
      role="grid"
      aria-label="Keys"
      aria-rowcount={count}
      aria-busy={busy}
      aria-activedescendant={selectedId === null ? undefined : `key-cell-${selectedId}`}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onFocus={() => {
        if (selectedIndex === null) move(0)
      }}
    >
      <div className="key-list-inner" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const key = rowAt(item.index)
          const selected = key !== undefined && key.id === selectedId
          return (
            <div
              key={key?.id ?? `row-${item.index}`}
              role="row"
              aria-rowindex={item.index + 1}
              aria-selected={selected}
              className={`key-row${selected ? ' selected' : ''}${key === undefined ? ' loading' : ''}`}
              style={{ transform: `translateY(${item.start}px)` }}
              onClick={() => {
                onSelectAt(item.index)
                onPick()
              }}
              onDoubleClick={() => key !== undefined && onOpen(key)}
              onContextMenu={(event) => {
                if (key === undefined) return
                event.preventDefault()
                onSelectAt(item.index)
                onMenu(key, { x: event.clientX, y: event.clientY })
              }}
            >
              {key === undefined ? (
                <div role="gridcell" className="muted">
                  Loading…
                </div>
              ) : (
                <KeyRow keySummary={key} onCopy={onCopy} />
              )}
            </div>
          )
        })}
      </div>
    </div>
  )
}
