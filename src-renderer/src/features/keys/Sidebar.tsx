import { useMemo } from 'react'
import type { KeyCounts } from '../../../../src-preload/contract'

interface View {
  readonly label: string
  readonly query: string
  readonly count: number
}

interface Section {
  readonly title: string
  readonly views: readonly View[]
}

function sectionsOf(counts: KeyCounts | null): Section[] {
  if (counts === null) return []
  const views = (prefix: string, list: KeyCounts['tags']) =>
    list.map(({ value, count }) => ({ label: value, query: `${prefix}:${value}`, count }))
  return [
    {
      title: 'Views',
      views: [
        { label: 'All keys', query: '', count: counts.total },
        { label: 'Needs attention', query: 'is:attention', count: counts.attention },
        { label: 'Rejected by provider', query: 'is:rejected', count: counts.rejected },
      ],
    },
    { title: 'Providers', views: views('provider', counts.providers) },
    { title: 'Environments', views: views('env', counts.environments) },
    { title: 'Tags', views: views('tag', counts.tags) },
  ].filter((section) => section.views.length > 0)
}

/**
 * The views, each a search the list runs in main: all keys, needs attention (expired, rejected, overdue, due),
 * rejected by the provider, by provider, by
 * environment, by tag — with counts main keeps up to date (the window never holds every key to count them).
 */
export function Sidebar({
  counts,
  query,
  onView,
}: {
  readonly counts: KeyCounts | null
  readonly query: string
  readonly onView: (query: string) => void
}) {
  const sections = useMemo(() => sectionsOf(counts), [counts])
  return (
    <nav className="sidebar" aria-label="Views">
      {sections.map((section) => (
        <div key={section.title}>
          <h2 className="sidebar-title">{section.title}</h2>
          <ul>
            {section.views.map((view) => (
              <li key={view.query}>
                <button
                  type="button"
                  className="link"
                  aria-current={query.trim() === view.query ? 'page' : undefined}
                  onClick={() => onView(view.query)}
                >
                  {view.label} <span className="count">{view.count}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  )
}
