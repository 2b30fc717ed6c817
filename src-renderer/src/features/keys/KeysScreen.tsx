import { useCallback, useEffect, useRef, useState } from 'react'
import type { KeySummary } from '../../../../src-preload/contract'
import { errorInfo } from '../../lib/errors'
import { command } from '../../store/commands'
import { useKeywardStore } from '../../store'
import { AddKeyDialog } from './AddKeyDialog'
import { CopyChip } from './CopyChip'
import { DeleteDialog } from './DeleteDialog'
import { EditDialog } from './EditDialog'
import { KeyDetail } from './KeyDetail'
import { KeyList } from './KeyList'
import { ReplaceValueDialog } from './ReplaceValueDialog'
import { VerifyAllDialog } from './VerifyAllDialog'
import { KeyMenu } from './KeyMenu'
import { ImportEnvDialog } from '../dotenv/ImportEnvDialog'
import { WriteEnvDialog } from '../dotenv/WriteEnvDialog'
import { RevealDialog } from './RevealDialog'
import { Sidebar } from './Sidebar'

const PANES = ['.sidebar', '.key-list', '.detail-pane'] as const

/** Moves focus to the next (or previous) pane: the list itself, else the pane's first focusable control. */
function cyclePanes(step: 1 | -1): void {
  const active = document.activeElement
  const current = PANES.findIndex((pane) => (active?.closest(pane) ?? null) !== null)
  for (let turn = 1; turn <= PANES.length; turn++) {
    const pane = document.querySelector<HTMLElement>(
      PANES[(current + step * turn + PANES.length * 2) % PANES.length] ?? '',
    )
    const target =
      pane?.tabIndex === 0 ? pane : pane?.querySelector<HTMLElement>('button, [href], input, [tabindex="0"]')
    if (target !== null && target !== undefined) return target.focus()
  }
}

type Dialog =
  | { kind: 'add' }
  | { kind: 'verify-all' }
  | { kind: 'import-env' }
  | { kind: 'write-env'; key: KeySummary | null }
  | { kind: 'reveal' | 'delete' | 'edit' | 'replace'; key: KeySummary }
  | null

/** The main window: sidebar counts, instant search, the key list and the detail of the selected key. */
export function KeysScreen() {
  const total = useKeywardStore((state) => state.total)
  const rows = useKeywardStore((state) => state.rows)
  const counts = useKeywardStore((state) => state.counts)
  const results = useKeywardStore((state) => state.results)
  const query = useKeywardStore((state) => state.query)
  const searching = useKeywardStore((state) => state.searching)
  const selectedIndex = useKeywardStore((state) => state.selectedIndex)
  const selected = useKeywardStore((state) => state.selectedKey)
  const search = useKeywardStore((state) => state.search)
  const selectAt = useKeywardStore((state) => state.selectAt)
  const focusKey = useKeywardStore((state) => state.focusKey)
  const typeAhead = useKeywardStore((state) => state.typeAhead)
  const showRows = useKeywardStore((state) => state.showRows)
  const copyKey = useKeywardStore((state) => state.copy)
  const lock = useKeywardStore((state) => state.lock)
  const loadKeys = useKeywardStore((state) => state.loadKeys)
  const [ownDialog, setDialog] = useState<Dialog>(null)
  // A dialog asked for from outside the screen (the command palette) shows until it closes.
  const requested = useKeywardStore((state) => state.requestedDialog)
  const clearRequested = useKeywardStore((state) => state.requestDialog)
  // Health's "Delete…": once the key is shown, its Delete dialog opens (until it closes).
  const pendingDelete = useKeywardStore((state) => state.pendingDelete)
  const clearPendingDelete = useKeywardStore((state) => state.clearPendingDelete)
  const dialog: Dialog =
    ownDialog ??
    (pendingDelete !== null && selected?.id === pendingDelete ? { kind: 'delete', key: selected } : null) ??
    (requested === null
      ? null
      : requested === 'write-env'
        ? { kind: 'write-env', key: selected?.status === 'active' ? selected : null }
        : { kind: requested })
  const [menu, setMenu] = useState<{ key: KeySummary; at: { x: number; y: number } } | null>(null)
  const openKey = useKeywardStore((state) => state.openKey)
  const closeMenu = useCallback(() => {
    setMenu(null)
    document.querySelector<HTMLElement>('.key-list')?.focus()
  }, [])
  const [notice, setNotice] = useState<string | null>(null)
  const searchField = useRef<HTMLInputElement>(null)
  const count = results === null ? total : results.length
  // Arriving at the keys (after the unlock, the vault's creation, the recovery kit), focus starts in the search; and
  // when the focused row's list goes (the last key deleted), focus goes there rather than to the page.
  useEffect(() => {
    if (document.activeElement === document.body || document.activeElement === null) searchField.current?.focus()
  }, [count])
  const rowAt = useCallback((index: number) => (results === null ? rows.get(index) : results[index]), [results, rows])
  const onRange = useCallback(
    (start: number, end: number) => {
      if (results === null) showRows(start, end)
    },
    [results, showRows],
  )

  const copy = useCallback(
    (key: KeySummary) => {
      copyKey(key).catch((error: unknown) => setNotice(errorInfo(error).message))
    },
    [copyKey],
  )

  function closeDialog() {
    setDialog(null)
    if (requested !== null) clearRequested(null)
    if (pendingDelete !== null) clearPendingDelete()
  }

  /** Verify from the menu: the provider's answer as the list's notice (the detail shows it in full). */
  async function verify(key: KeySummary) {
    try {
      const answer = await command('key:verify', { id: key.id })
      setNotice(`${key.ref}: ${answer.message}`)
      void loadKeys().catch(() => undefined)
    } catch (caught) {
      setNotice(errorInfo(caught).message)
    }
  }

  /** A dialog's change is stored: close it, say so, re-read the list (and show the key it added). */
  function finish(notice: string, focusId?: string) {
    closeDialog()
    setNotice(notice)
    void loadKeys()
      .then(async () => {
        if (focusId === undefined) return
        // The key just added: selected, and focus on its row in the list.
        await focusKey(focusId)
        document.querySelector<HTMLElement>('[data-focus-home]')?.focus()
      })
      .catch(() => undefined) // locked meanwhile: the lock clears the list
  }

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      // The page as it is when the key is pressed: a listener from the render before may still be the one attached
      // just after a dialog closed (its effect not yet run again), and would ignore Ctrl+N there.
      if (document.querySelector('dialog[open]') !== null) return
      if (event.key === 'F6') {
        // F6 / Shift+F6 cycle the panes (sidebar → list → detail), as KeePassXC does.
        event.preventDefault()
        return cyclePanes(event.shiftKey ? -1 : 1)
      }
      if (!(event.ctrlKey || event.metaKey)) return
      const key = event.key.toLowerCase()
      if (key === 'f') {
        event.preventDefault()
        searchField.current?.focus()
      } else if (key === 'n') {
        event.preventDefault()
        setDialog({ kind: 'add' })
      } else if (key === 'l') {
        event.preventDefault()
        void lock()
      } else if (key === 'w' && event.shiftKey) {
        event.preventDefault()
        setDialog({ kind: 'write-env', key: selected?.status === 'active' ? selected : null })
      } else if (key === 'e' && selected !== null) {
        event.preventDefault()
        setDialog({ kind: 'edit', key: selected })
      } else if (key === 'r' && selected !== null) {
        event.preventDefault()
        setDialog({ kind: 'reveal', key: selected })
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [lock, selected])

  return (
    <div className="keys-screen">
      <h1 className="visually-hidden">Your keys</h1>
      <Sidebar counts={counts} query={query} onView={(view) => void search(view)} />
      <section className="list-pane" aria-label="Key list">
        <div className="toolbar">
          <input
            ref={searchField}
            data-focus-fallback
            type="search"
            aria-label="Search keys"
            placeholder="Search keys (Ctrl+F)"
            value={query}
            onChange={(event) => void search(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'ArrowDown' || event.key === 'Enter') {
                event.preventDefault()
                document.querySelector<HTMLElement>('.key-list')?.focus()
              }
            }}
          />
          <button type="button" onClick={() => setDialog({ kind: 'verify-all' })}>
            Verify all
          </button>
          <button type="button" onClick={() => setDialog({ kind: 'write-env', key: null })}>
            Write to .env…
          </button>
          <button type="button" onClick={() => setDialog({ kind: 'import-env' })}>
            Import .env…
          </button>
          <button type="button" className="primary" onClick={() => setDialog({ kind: 'add' })}>
            Add key
          </button>
        </div>
        <p className="visually-hidden" role="status">
          {results === null ? '' : `${results.length} key${results.length === 1 ? '' : 's'}`}
        </p>
        {count === 0 ? (
          <p className="empty">
            {query === ''
              ? 'No keys yet. Add one with Add key (Ctrl+N) and paste it: Keyward recognises the provider.'
              : `No keys match “${query}”.`}
          </p>
        ) : (
          <KeyList
            count={count}
            rowAt={rowAt}
            selectedId={selected?.id ?? null}
            selectedIndex={selectedIndex}
            busy={searching}
            onRange={onRange}
            onSelectAt={(index) => void selectAt(index).catch(() => undefined)}
            onTypeAhead={(prefix) => void typeAhead(prefix).catch(() => undefined)}
            onOpen={() => document.getElementById('detail-title')?.focus()}
            onReveal={(key) => setDialog({ kind: 'reveal', key })}
            onDelete={(key) => setDialog({ kind: 'delete', key })}
            onCopy={copy}
            onMenu={(key, at) => setMenu({ key, at })}
          />
        )}
        {notice === null ? null : (
          <p className="notice" role="status">
            {notice}
          </p>
        )}
        <CopyChip />
      </section>
      <aside className="detail-pane" aria-label="Key detail">
        {selected === null ? (
          <p className="muted">Select a key to see its details.</p>
        ) : (
          <KeyDetail
            keySummary={selected}
            onCopy={() => copy(selected)}
            onReveal={() => setDialog({ kind: 'reveal', key: selected })}
            onProviderAnswer={(answer) => {
              setNotice(answer)
              void loadKeys().catch(() => undefined)
            }}
            onDelete={() => setDialog({ kind: 'delete', key: selected })}
            onEdit={() => setDialog({ kind: 'edit', key: selected })}
            onReplace={() => setDialog({ kind: 'replace', key: selected })}
            onWriteEnv={() => setDialog({ kind: 'write-env', key: selected })}
          />
        )}
      </aside>
      {dialog?.kind === 'add' ? (
        <AddKeyDialog
          onClose={() => closeDialog()}
          onAdded={(key, duplicates) =>
            finish(
              duplicates.length > 0
                ? `Added ${key.ref}. The same value is also stored as ${duplicates.join(', ')}.`
                : `Added ${key.ref}.`,
              key.id,
            )
          }
          onOpen={(id) => {
            closeDialog()
            void focusKey(id).catch(() => undefined)
          }}
        />
      ) : null}
      {dialog?.kind === 'reveal' ? (
        <RevealDialog keySummary={dialog.key} onClose={() => closeDialog()} onCopy={() => copy(dialog.key)} />
      ) : null}
      {dialog?.kind === 'edit' ? (
        <EditDialog
          keySummary={dialog.key}
          onClose={() => closeDialog()}
          onSaved={() => finish(`Saved ${dialog.key.name}.`)}
        />
      ) : null}
      {dialog?.kind === 'replace' ? (
        <ReplaceValueDialog
          keySummary={dialog.key}
          onClose={() => closeDialog()}
          onSaved={() => finish(`Stored a new value for ${dialog.key.name}; the old one is kept in its history.`)}
        />
      ) : null}
      {dialog?.kind === 'verify-all' ? (
        <VerifyAllDialog
          onClose={(notice) => {
            closeDialog()
            if (notice !== null) setNotice(notice)
            void loadKeys().catch(() => undefined)
          }}
        />
      ) : null}
      {menu === null ? null : (
        <KeyMenu
          keySummary={menu.key}
          at={menu.at}
          onClose={closeMenu}
          actions={[
            { label: 'Copy', run: () => copy(menu.key) },
            { label: 'Reveal', run: () => setDialog({ kind: 'reveal', key: menu.key }) },
            { label: 'Verify', run: () => void verify(menu.key) },
            { label: 'Rotate…', run: () => void openKey(menu.key.id, 'rotate') },
            { label: 'Write to .env…', run: () => setDialog({ kind: 'write-env', key: menu.key }) },
            { label: 'Edit', run: () => setDialog({ kind: 'edit', key: menu.key }) },
            { label: 'Delete…', run: () => setDialog({ kind: 'delete', key: menu.key }) },
          ]}
        />
      )}
      {dialog?.kind === 'write-env' ? (
        <WriteEnvDialog
          keySummary={dialog.key}
          environments={counts?.environments.map((view) => view.value) ?? []}
          onClose={(done) => (done === null ? closeDialog() : finish(done))}
        />
      ) : null}
      {dialog?.kind === 'import-env' ? (
        <ImportEnvDialog onClose={(done) => (done === null ? closeDialog() : finish(done))} />
      ) : null}
      {dialog?.kind === 'delete' ? (
        <DeleteDialog
          keySummary={dialog.key}
          onClose={() => closeDialog()}
          onDeleted={() => finish(`Deleted ${dialog.key.ref}.`)}
        />
      ) : null}
    </div>
  )
}
