import {
  Ban,
  CalendarClock,
  CircleDashed,
  KeyRound,
  Trash,
  TriangleExclamationPoint,
  type LucideIcon,
} from 'lucide-react'
import type { KeyCounts } from '../../../../src-preload/contract'
import type { Page } from '../../store/vaultSlice'

/** One sidebar entry below the pages: a search main runs (`query`), or a page of its own (the Trash). */
export interface ViewEntry {
  readonly id: string
  readonly label: string
  readonly query: string
  readonly page?: Page
  readonly count?: number
  readonly icon: LucideIcon | null
  /** Ctrl/⌘+1…9 for the first nine views (KeePassXC's Ctrl+1…9). */
  readonly shortcut?: string
}

export interface ViewSection {
  readonly title: string
  readonly views: readonly ViewEntry[]
}

const view = (label: string, query: string, icon: LucideIcon | null, count?: number): ViewEntry => ({
  id: `view:${query}`,
  label,
  query,
  icon,
  ...(count === undefined ? {} : { count }),
})

/** The views UI.md §4.3 lists that main can answer, then providers, environments, tags; the first nine numbered. */
export function sectionsOf(counts: KeyCounts | null): ViewSection[] {
  if (counts === null) return []
  const values = (prefix: string, list: KeyCounts['tags']) =>
    list.map(({ value, count }) => view(value, `${prefix}:${value}`, null, count))
  const views: ViewEntry[] = [
    view('All keys', '', KeyRound, counts.total),
    view('Needs attention', 'is:attention', TriangleExclamationPoint, counts.attention),
    view('Due soon', 'is:due', CalendarClock),
    view('Rejected by provider', 'is:rejected', Ban, counts.rejected),
    view('Never verified', 'is:unverified', CircleDashed),
    { id: 'page:trash', label: 'Trash', query: '', page: 'trash', icon: Trash, count: counts.trash },
  ]
  const sections = [
    { title: 'Views', views },
    { title: 'Providers', views: values('provider', counts.providers) },
    { title: 'Environments', views: values('env', counts.environments) },
    { title: 'Tags', views: values('tag', counts.tags) },
  ].filter((section) => section.views.length > 0)
  let number = 0
  return sections.map((section) => ({
    ...section,
    views: section.views.map((entry) => (++number <= 9 ? { ...entry, shortcut: `Ctrl+${number}` } : entry)),
  }))
}

/** The first nine views, for Ctrl/⌘+1…9. */
export function numberedViews(counts: KeyCounts | null): ViewEntry[] {
  return sectionsOf(counts)
    .flatMap((section) => section.views)
    .slice(0, 9)
}
