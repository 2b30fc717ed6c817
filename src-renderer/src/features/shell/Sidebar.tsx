import {
  ChevronDown,
  ChevronRight,
  HeartPulse,
  Info,
  KeyRound,
  Lock,
  ScrollText,
  Settings,
  TriangleExclamationPoint,
  type LucideIcon,
} from 'lucide-react'
import { useMemo, useState, type KeyboardEvent } from 'react'
import type { KeyCounts } from '../../../../src-preload/contract'
import { useKeywardStore } from '../../store'
import type { Page } from '../../store/vaultSlice'
import { sectionsOf, type ViewEntry } from './views'

/** The pages, always in reach (1Password's and Bitwarden's sidebar): icon, words, shortcut. */
const PAGES: readonly { page: Page; label: string; icon: LucideIcon; shortcut?: string }[] = [
  { page: 'vault', label: 'Keys', icon: KeyRound, shortcut: 'Esc' },
  { page: 'attention', label: 'Needs attention', icon: TriangleExclamationPoint },
  { page: 'health', label: 'Health', icon: HeartPulse, shortcut: 'Ctrl+Shift+H' },
  { page: 'activity', label: 'Activity', icon: ScrollText },
  { page: 'settings', label: 'Settings', icon: Settings, shortcut: 'Ctrl+,' },
]

const COLLAPSED_KEY = 'keyward.sidebar.collapsed'

function savedCollapsed(): Set<string> {
  try {
    const saved: unknown = JSON.parse(localStorage.getItem(COLLAPSED_KEY) ?? '[]')
    return new Set(Array.isArray(saved) ? saved.filter((item): item is string => typeof item === 'string') : [])
  } catch {
    return new Set()
  }
}

/**
 * Arrow keys move between the sidebar's entries, Home/End to the ends: the sidebar is one tab stop (UI.md §0.1 — the
 * list's rule, kept here too), the entry last focused keeping it.
 */
function moveFocus(event: KeyboardEvent<HTMLElement>): void {
  const items = [...event.currentTarget.querySelectorAll<HTMLElement>('[data-roving]')]
  const at = items.indexOf(document.activeElement as HTMLElement)
  const next =
    event.key === 'ArrowDown'
      ? items[Math.min(at + 1, items.length - 1)]
      : event.key === 'ArrowUp'
        ? items[Math.max(at - 1, 0)]
        : event.key === 'Home'
          ? items[0]
          : event.key === 'End'
            ? items.at(-1)
            : undefined
  if (next === undefined) return
  event.preventDefault()
  next.focus()
}

function Entry({
  id,
  tabStop,
  current,
  icon: Icon,
  label,
  count,
  shortcut,
  onFocus,
  onClick,
}: {
  readonly id: string
  readonly tabStop: boolean
  readonly current: boolean
  readonly icon: LucideIcon | null
  readonly label: string
  readonly count?: number
  readonly shortcut?: string
  readonly onFocus: (id: string) => void
  readonly onClick: () => void
}) {
  return (
    <li>
      <button
        type="button"
        className="nav-entry"
        data-roving
        tabIndex={tabStop ? 0 : -1}
        aria-current={current ? 'page' : undefined}
        title={shortcut === undefined ? undefined : `${label} (${shortcut})`}
        onFocus={() => onFocus(id)}
        onClick={onClick}
      >
        {Icon === null ? <span className="nav-icon" aria-hidden="true" /> : <Icon className="nav-icon" aria-hidden />}
        <span className="nav-label">{label}</span>
        {count === undefined ? null : <span className="count">{count}</span>}
      </button>
    </li>
  )
}

/**
 * The window's sidebar while unlocked: the pages, then the key views (each a search main runs, with counts main
 * keeps), by provider, environment and tag, and the Trash. Sections fold, remembered; narrow windows show icons only.
 */
export function Sidebar({ counts }: { readonly counts: KeyCounts | null }) {
  const page = useKeywardStore((state) => state.page)
  const setPage = useKeywardStore((state) => state.setPage)
  const query = useKeywardStore((state) => state.query)
  const search = useKeywardStore((state) => state.search)
  const lock = useKeywardStore((state) => state.lock)
  const sections = useMemo(() => sectionsOf(counts), [counts])
  const [collapsed, setCollapsed] = useState(savedCollapsed)
  const [focused, setFocused] = useState<string | null>(null)
  const currentView = page === 'vault' ? `view:${query.trim()}` : null
  const currentId = page === 'vault' ? (currentView ?? 'page:vault') : `page:${page}`
  const ids = [...PAGES.map((entry) => `page:${entry.page}`), ...sections.flatMap((s) => s.views.map((v) => v.id))]
  const tabStop =
    focused !== null && ids.includes(focused) ? focused : ids.includes(currentId) ? currentId : 'page:vault'

  function toggle(title: string) {
    const next = new Set(collapsed)
    if (!next.delete(title)) next.add(title)
    setCollapsed(next)
    localStorage.setItem(COLLAPSED_KEY, JSON.stringify([...next]))
  }

  function openView(view: ViewEntry) {
    if (view.page !== undefined) return setPage(view.page)
    setPage('vault')
    // A space after the filter makes it a chip in the search field.
    void search(view.query === '' ? '' : `${view.query} `)
  }

  return (
    <aside className="sidebar" aria-label="Sidebar" onKeyDown={moveFocus}>
      <p className="brand">Keyward</p>
      <nav aria-label="Pages">
        <ul className="nav-list">
          {PAGES.map((entry) => (
            <Entry
              key={entry.page}
              id={`page:${entry.page}`}
              tabStop={tabStop === `page:${entry.page}`}
              current={page === entry.page && (entry.page !== 'vault' || query.trim() === '')}
              icon={entry.icon}
              label={entry.label}
              shortcut={entry.shortcut}
              onFocus={setFocused}
              onClick={() => {
                setPage(entry.page)
                if (entry.page === 'vault' && query.trim() !== '') void search('')
              }}
            />
          ))}
        </ul>
      </nav>
      <nav aria-label="Views" className="views">
        {sections.map((section) => {
          const open = !collapsed.has(section.title)
          return (
            <div key={section.title}>
              <h2 className="sidebar-title">
                <button
                  type="button"
                  className="section-toggle"
                  data-roving
                  aria-expanded={open}
                  tabIndex={-1}
                  onClick={() => toggle(section.title)}
                >
                  {open ? <ChevronDown aria-hidden /> : <ChevronRight aria-hidden />}
                  <span className="nav-label">{section.title}</span>
                </button>
              </h2>
              {open ? (
                <ul className="nav-list">
                  {section.views.map((view) => (
                    <Entry
                      key={view.id}
                      id={view.id}
                      tabStop={tabStop === view.id}
                      current={view.page === undefined ? currentView === view.id : page === view.page}
                      icon={view.icon}
                      label={view.label}
                      count={view.count}
                      shortcut={view.shortcut}
                      onFocus={setFocused}
                      onClick={() => openView(view)}
                    />
                  ))}
                </ul>
              ) : null}
            </div>
          )
        })}
      </nav>
      <div className="sidebar-foot">
        <button
          type="button"
          className="ghost icon-button"
          data-roving
          tabIndex={-1}
          title="Lock (Ctrl+L)"
          onClick={() => void lock()}
        >
          <Lock aria-hidden />
          <span className="nav-label">Lock</span>
        </button>
        <button
          type="button"
          className="ghost icon-button"
          data-roving
          tabIndex={-1}
          aria-current={page === 'about' ? 'page' : undefined}
          onClick={() => setPage('about')}
        >
          <Info aria-hidden />
          <span className="nav-label">About</span>
        </button>
      </div>
    </aside>
  )
}
