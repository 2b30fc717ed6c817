import { EllipsisVertical, FileDown, FileUp, Plus, ShieldCheck } from 'lucide-react'
import { useState, type Ref } from 'react'
import { KeyMenu } from './KeyMenu'
import { SearchBox } from './SearchBox'

export type ToolbarAction = 'verify-all' | 'write-env' | 'import-env' | 'add'

/**
 * Above the list: the search, then Verify all · Write to .env… · Import .env… as ghost buttons and Add key as the one
 * primary. As the list pane narrows (a container query in keys.css) Write and Import, then Verify all, give way to a
 * ⋮ menu that lists all three; with no keys, the bulk actions are off.
 */
export function KeysToolbar({
  query,
  searchError,
  searchField,
  hasKeys,
  onSearch,
  onAction,
}: {
  readonly query: string
  readonly searchError: string | null
  readonly searchField: Ref<HTMLInputElement>
  readonly hasKeys: boolean
  readonly onSearch: (query: string) => void
  readonly onAction: (action: ToolbarAction) => void
}) {
  const [menu, setMenu] = useState<{ x: number; y: number } | null>(null)
  return (
    <div className="toolbar">
      <SearchBox
        query={query}
        error={searchError}
        inputRef={searchField}
        onSearch={onSearch}
        onLeave={() => document.querySelector<HTMLElement>('.key-list')?.focus()}
      />
      <button type="button" className="ghost mid-only" disabled={!hasKeys} onClick={() => onAction('verify-all')}>
        <ShieldCheck aria-hidden /> Verify all
      </button>
      <button type="button" className="ghost wide-only" disabled={!hasKeys} onClick={() => onAction('write-env')}>
        <FileDown aria-hidden /> Write to .env…
      </button>
      <button type="button" className="ghost wide-only" onClick={() => onAction('import-env')}>
        <FileUp aria-hidden /> Import .env…
      </button>
      <button
        type="button"
        className="ghost narrow-only"
        aria-label="More actions"
        aria-haspopup="menu"
        onClick={(event) => {
          const box = event.currentTarget.getBoundingClientRect()
          setMenu({ x: box.left, y: box.bottom + 4 })
        }}
      >
        <EllipsisVertical aria-hidden />
      </button>
      <button type="button" className="primary" title="Ctrl+N" onClick={() => onAction('add')}>
        <Plus aria-hidden /> Add key
      </button>
      {menu === null ? null : (
        <KeyMenu
          label="More actions"
          at={menu}
          onClose={() => setMenu(null)}
          actions={[
            ...(hasKeys
              ? [
                  { label: 'Verify all', run: () => onAction('verify-all') },
                  { label: 'Write to .env…', run: () => onAction('write-env') },
                ]
              : []),
            { label: 'Import .env…', run: () => onAction('import-env') },
          ]}
        />
      )}
    </div>
  )
}
