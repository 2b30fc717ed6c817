import { useMemo } from 'react'
import type { KeySummary } from '../../../../src-preload/contract'

interface View {
  readonly label: string
  readonly query: string
  readonly count: number
}

interface Section {
  readonly title: string
  readonly views: readonly View[]
}

function countBy(keys: readonly KeySummary[], field: (key: KeySummary) => readonly string[]): [string, number][] {
  const counts = new Map<string, number>()
  for (const key of keys) for (const value of field(key)) counts.set(value, (counts.get(value) ?? 0) + 1)
  return [...counts].sort(([a], [b]) => a.localeCompare(b))
}

function sectionsOf(keys: readonly KeySummary[]): Section[] {
  // The same rule as main's `is:attention` (the view's own query): any key whose reminder state is not ok.
  const attention = keys.filter((key) => key.reminder.state !== 'ok').length
  return [
    { title: 'Views', views: [{ label: 'All keys', query: '', count: keys.length }, { label: 'Needs attention', query: 'is:attention', count: attention }] },
    { title: 'Providers', views: countBy(keys, (key) => [key.provider]).map(([provider, count]) => ({ label: provider, query: `provider:${provider}`, count })) },
    { title: 'Environments', views: countBy(keys, (key) => [key.environment]).map(([environment, count]) => ({ label: environment, query: `env:${environment}`, count })) },
    { title: 'Tags', views: countBy(keys, (key) => key.tags).map(([tag, count]) => ({ label: tag, query: `tag:${tag}`, count })) },
  ].filter((section) => section.views.length > 0)
}

/**
 * The views, each a search the list runs in main: all keys, needs attention (expired, due, overdue), by provider, by
 * environment, by tag — with live counts from the key summaries the window holds.
 */
export function Sidebar({ keys, query, onView }: { readonly keys: readonly KeySummary[]; readonly query: string; readonly onView: (query: string) => void }) {
  // Counted once per change of the key list, not on every keystroke in the search box.
  const sections = useMemo(() => sectionsOf(keys), [keys])
  return (
    <nav className="sidebar" aria-label="Views">
      {sections.map((section) => (
        <div key={section.title}>
          <h2 className="sidebar-title">{section.title}</h2>
          <ul>
            {section.views.map((view) => (
              <li key={view.query}>
                <button type="button" className="link" aria-current={query.trim() === view.query ? 'page' : undefined} onClick={() => onView(view.query)}>
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
