import { CircleQuestionMark, Search, X } from 'lucide-react'
import { useEffect, useId, useState, type Ref } from 'react'
import { chipLabel, joinQuery, splitQuery } from '../../lib/searchTokens'

/** The syntax, as the help popover lists it (core/keys/keyQuery.ts is what answers). */
const SYNTAX: readonly [string, string][] = [
  ['stripe prod', 'words in the name, env var, provider, tags or notes'],
  ['provider:stripe', 'one provider'],
  ['env:production', 'one environment'],
  ['tag:billing', 'a tag (more than one: all of them)'],
  ['is:attention', 'expired, rejected, overdue or due'],
  ['is:due · is:expired · is:overdue', 'by deadline'],
  ['is:rejected · is:unverified · is:revoked', 'by the provider’s last answer'],
]

/**
 * The search: recognised `field:value` tokens as chips (× or Backspace at the start removes one), the words typed,
 * main's refusal under the field (an unknown filter), and a `?` popover with the syntax (also Ctrl/⌘+J, or `?` in an
 * empty field). Esc clears; ↓ or Enter moves to the results.
 */
export function SearchBox({
  query,
  error,
  inputRef,
  onSearch,
  onLeave,
}: {
  readonly query: string
  readonly error: string | null
  readonly inputRef: Ref<HTMLInputElement>
  readonly onSearch: (query: string) => void
  readonly onLeave: () => void
}) {
  const { chips, text } = splitQuery(query)
  const [help, setHelp] = useState(false)
  const errorId = useId()
  const helpId = useId()
  useEffect(() => {
    if (!help) return
    const close = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setHelp(false)
    }
    window.addEventListener('keydown', close)
    return () => window.removeEventListener('keydown', close)
  }, [help])

  return (
    <div className="search-box" role="search">
      <div className="search-field" data-invalid={error === null ? undefined : true}>
        <Search className="search-icon" aria-hidden />
        {chips.map((chip, index) => {
          const { field, value } = chipLabel(chip)
          return (
            <span key={`${chip}-${index}`} className="chip">
              <span className="chip-field">{field}:</span>
              {value}
              <button
                type="button"
                className="ghost chip-remove"
                tabIndex={-1}
                aria-label={`Remove ${field}:${value}`}
                onClick={() => onSearch(joinQuery(chips.toSpliced(index, 1), text))}
              >
                <X aria-hidden />
              </button>
            </span>
          )
        })}
        <input
          ref={inputRef}
          data-focus-fallback
          type="search"
          aria-label="Search keys"
          aria-describedby={error === null ? undefined : errorId}
          aria-invalid={error === null ? undefined : true}
          placeholder={chips.length === 0 ? 'Search keys (Ctrl+F or /)' : ''}
          spellCheck={false}
          value={text}
          onChange={(event) => onSearch(joinQuery(chips, event.target.value))}
          onKeyDown={(event) => {
            const atStart = event.currentTarget.selectionStart === 0 && event.currentTarget.selectionEnd === 0
            if (event.key === 'Backspace' && atStart && chips.length > 0) {
              event.preventDefault()
              onSearch(joinQuery(chips.slice(0, -1), text))
            } else if (event.key === 'Escape' && query !== '') {
              event.preventDefault()
              event.stopPropagation()
              onSearch('')
            } else if ((event.key === '?' && query === '') || ((event.ctrlKey || event.metaKey) && event.key === 'j')) {
              event.preventDefault()
              setHelp(true)
            } else if (event.key === 'ArrowDown' || event.key === 'Enter') {
              event.preventDefault()
              onLeave()
            }
          }}
        />
        <button
          type="button"
          className="ghost help-toggle"
          aria-label="Search syntax"
          aria-expanded={help}
          aria-controls={helpId}
          title="Search syntax (Ctrl+J)"
          onClick={() => setHelp(!help)}
        >
          <CircleQuestionMark aria-hidden />
        </button>
      </div>
      {error === null ? null : (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
      {help ? (
        <div id={helpId} className="popover search-help" role="region" aria-label="Search syntax">
          <table>
            <tbody>
              {SYNTAX.map(([example, meaning]) => (
                <tr key={example}>
                  <th scope="row">
                    <code>{example}</code>
                  </th>
                  <td>{meaning}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  )
}
