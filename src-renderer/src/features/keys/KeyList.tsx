import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef, type KeyboardEvent } from 'react'
import type { KeySummary } from '../../../../src-preload/contract'
import { statusOf } from './keyStatus'

const ROW_HEIGHT = 40

interface Props {
  readonly keys: readonly KeySummary[]
  readonly selectedId: string | null
  readonly busy: boolean
  readonly onSelect: (id: string) => void
  readonly onOpen: (key: KeySummary) => void
  readonly onReveal: (key: KeySummary) => void
  readonly onCopy: (key: KeySummary) => void
}

export function copyLabel(key: KeySummary): string {
  return `Copy ${key.envVar ?? key.name}`
}

/**
 * The key list: a virtualized grid that is ONE tab stop (aria-activedescendant), moved with the arrows, Home/End
 * and PageUp/PageDown, with type-ahead by name; Enter opens, Space reveals, Ctrl/⌘+C copies. The per-row Copy
 * buttons are for the mouse and are not tab stops. `aria-rowcount` is the whole list, so a screen reader says
 * "row 40 of 12,000" though only the visible rows exist.
 */
export function KeyList({ keys, selectedId, busy, onSelect, onOpen, onReveal, onCopy }: Props) {
  const scroller = useRef<HTMLDivElement>(null)
  const typed = useRef({ text: '', at: 0 })
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual is the list's virtualizer (UI.md §3.4); the compiler skips memoizing this component, which re-renders on scroll anyway
  const virtualizer = useVirtualizer({ count: keys.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 8 })
  const index = keys.findIndex((key) => key.id === selectedId)

  useEffect(() => {
    if (index >= 0) virtualizer.scrollToIndex(index)
  }, [index, virtualizer])

  function move(to: number) {
    const next = keys[Math.max(0, Math.min(keys.length - 1, to))]
    if (next !== undefined) onSelect(next.id)
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const current = keys[index]
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1)
    const handled = () => event.preventDefault()
    if (event.key === 'ArrowDown') return handled(), move(index + 1)
    if (event.key === 'ArrowUp') return handled(), move(index - 1)
    if (event.key === 'Home') return handled(), move(0)
    if (event.key === 'End') return handled(), move(keys.length - 1)
    if (event.key === 'PageDown') return handled(), move(index + page)
    if (event.key === 'PageUp') return handled(), move(index - page)
    if (current === undefined) return
    if (event.key === 'Enter') return handled(), onOpen(current)
    if (event.key === ' ') return handled(), onReveal(current)
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'c') return handled(), onCopy(current)
    if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      // Type-ahead: letters typed within a second of each other build a prefix of the key's name.
      const now = Date.now()
      typed.current = { text: now - typed.current.at < 1000 ? typed.current.text + event.key.toLowerCase() : event.key.toLowerCase(), at: now }
      const found = keys.findIndex((key) => key.name.toLowerCase().startsWith(typed.current.text))
      if (found >= 0) move(found)
    }
  }

  return (
    <div
      ref={scroller}
      className="key-list"
      role="grid"
      aria-label="Keys"
      aria-rowcount={keys.length}
      aria-busy={busy}
      aria-activedescendant={selectedId === null ? undefined : `key-cell-${selectedId}`}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onFocus={() => {
        if (index < 0) move(0)
      }}
    >
      <div className="key-list-inner" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const key = keys[item.index]
          if (key === undefined) return null
          const status = statusOf(key)
          const selected = key.id === selectedId
          return (
            <div
              key={key.id}
              role="row"
              aria-rowindex={item.index + 1}
              aria-selected={selected}
              className={`key-row${selected ? ' selected' : ''}`}
              style={{ transform: `translateY(${item.start}px)` }}
              onClick={() => onSelect(key.id)}
              onDoubleClick={() => onOpen(key)}
            >
              <div role="gridcell" id={`key-cell-${key.id}`} className="key-name">
                <span className="name">{key.name}</span>
                <span className="muted provider">{key.provider}</span>
              </div>
              <div role="gridcell" className="mono env-var">
                {key.envVar ?? '—'}
              </div>
              <div role="gridcell">
                <span className={`badge env-${key.environment}`}>{key.environment}</span>
              </div>
              <div role="gridcell">
                <span className={`status status-${status.tone}`} title={status.title}>
                  <span aria-hidden="true">{status.icon}</span> {status.text}
                </span>
              </div>
              <div role="gridcell" className="mono hint">
                {key.hint === '' ? '' : `…${key.hint}`}
              </div>
              <div role="gridcell">
                <button
                  type="button"
                  className="small"
                  tabIndex={-1}
                  aria-label={copyLabel(key)}
                  onClick={(event) => {
                    event.stopPropagation()
                    onCopy(key)
                  }}
                >
                  Copy
                </button>
              </div>
            </div>
          )
        })}
      </div>
    </div>
  )
}
