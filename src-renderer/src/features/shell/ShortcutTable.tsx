import { SHORTCUTS } from './shortcuts'

/** The shortcuts as tables by group: the Ctrl/⌘+/ sheet and Settings show the same list. */
export function ShortcutTable({ headingLevel }: { readonly headingLevel: 'h2' | 'h3' }) {
  const Heading = headingLevel
  return (
    <div className="shortcut-groups">
      {SHORTCUTS.map(({ group, items }) => (
        <section key={group} aria-label={group}>
          <Heading className="shortcut-group">{group}</Heading>
          <table className="shortcut-table">
            <tbody>
              {items.map(([keys, action]) => (
                <tr key={keys}>
                  <th scope="row">
                    <kbd>{keys}</kbd>
                  </th>
                  <td>{action}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  )
}
