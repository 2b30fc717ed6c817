import { useCallback, useEffect, useRef, useState } from 'react'
import type { KeySummary } from '../../../../src-preload/contract'
import { errorInfo } from '../../lib/errors'
import { Notice, type NoticeAction } from '../../components/Notice'
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
import { KeysToolbar } from './KeysToolbar'
import { useKeysShortcuts } from './useKeysShortcuts'
import type { Dialog } from './keysDialog'
import { ClipboardPaste, FileUp, X } from 'lucide-react'
import { ImportEnvDialog } from '../dotenv/ImportEnvDialog'
import { WriteEnvDialog } from '../dotenv/WriteEnvDialog'
import { RevealDialog } from './RevealDialog'

/** The main window: sidebar counts, instant search, the key list and the detail of the selected key. */
export function KeysScreen() {
  const total = useKeywardStore((state) => state.total)
  const rows = useKeywardStore((state) => state.rows)
  const counts = useKeywardStore((state) => state.counts)
  const results = useKeywardStore((state) => state.results)
  const query = useKeywardStore((state) => state.query)
  const searching = useKeywardStore((state) => state.searching)
  const searchError = useKeywardStore((state) => state.searchError)
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
  // Below 1100 px the detail is a drawer: open after Enter or a click on a row, until its X or Esc.
  const [drawer, setDrawer] = useState(false)
  const openKey = useKeywardStore((state) => state.openKey)
  const closeMenu = useCallback(() => {
    setMenu(null)
    document.querySelector<HTMLElement>('.key-list')?.focus()
  }, [])
  const [notice, setNoticeText] = useState<{ text: string; action: NoticeAction | null } | null>(null)
  const setNotice = useCallback(
    (text: string, action: NoticeAction | null = null) => setNoticeText({ text, action }),
    [],
  )
  const dropNoticeAction = useCallback(() => setNoticeText((shown) => shown && { ...shown, action: null }), [])
  const searchField = useRef<HTMLInputElement>(null)
  const count = results === null ? total : results.length
  // Arriving at the keys (after the unlock, the vault's creation, the recovery kit), focus starts in the search; and
  // when the focused row's list goes (the last key deleted), focus goes there rather than to the page.
  useEffect(() => {
    if (document.activeElement === document.body || document.activeElement === null) searchField.current?.focus()
  }, [count])
  // Another key selected: its detail starts at its header, not where the last one was scrolled to.
  const selectedId = selected?.id
  useEffect(() => {
    document.querySelector('.detail-pane')?.scrollTo({ top: 0 })
  }, [selectedId])
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
    [copyKey, setNotice],
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

  /** Undo of a move to the Trash: the key back, selected, focus on its row. */
  async function restore(key: KeySummary) {
    try {
      await command('trash:restore', { id: key.id })
      finish(`Restored ${key.ref}.`, key.id)
    } catch (caught) {
      setNotice(errorInfo(caught).message)
    }
  }

  /** A dialog's change is stored: close it, say so, re-read the list (and show the key it added). */
  function finish(notice: string, focusId?: string, action: NoticeAction | null = null) {
    closeDialog()
    setNotice(notice, action)
    void loadKeys()
      .then(async () => {
        if (focusId === undefined) return
        // The key just added: selected, and focus on its row in the list.
        await focusKey(focusId)
        document.querySelector<HTMLElement>('[data-focus-home]')?.focus()
      })
      .catch(() => undefined) // locked meanwhile: the lock clears the list
  }

  useKeysShortcuts({
    selected,
    drawer,
    searchField,
    openDialog: setDialog,
    closeDrawer: () => {
      setDrawer(false)
      document.querySelector<HTMLElement>('.key-list')?.focus()
    },
    lock: () => void lock(),
    copyAsEnv: (key) => copyKey(key, 'env').catch((error: unknown) => setNotice(errorInfo(error).message)),
    rotate: (key) => void openKey(key.id, 'rotate'),
  })

  return (
    <div className="keys-screen" data-drawer={drawer && selected !== null ? 'open' : 'closed'}>
      <h1 className="visually-hidden">Your keys</h1>
      <section className="list-pane" aria-label="Key list">
        <KeysToolbar
          query={query}
          searchError={searchError}
          searchField={searchField}
          hasKeys={total > 0}
          onSearch={(next) => void search(next)}
          onAction={(kind) => setDialog(kind === 'write-env' ? { kind, key: null } : { kind })}
        />
        <p className="visually-hidden" role="status">
          {results === null ? '' : `${results.length} key${results.length === 1 ? '' : 's'}`}
        </p>
        {count === 0 ? (
          query === '' ? (
            <div className="paste-zone">
              <ClipboardPaste className="paste-icon" aria-hidden />
              <h2>Paste an API key</h2>
              <p className="muted">
                Press Ctrl+V anywhere in this window (⌘V on a Mac): Keyward recognises the provider and fills in the
                rest.
              </p>
              <div className="actions">
                <button type="button" onClick={() => setDialog({ kind: 'import-env' })}>
                  <FileUp aria-hidden /> Import a .env file…
                </button>
              </div>
            </div>
          ) : (
            <div className="empty">
              <p>{searchError === null ? `No keys match “${query.trim()}”.` : 'Nothing was searched.'}</p>
              <button type="button" onClick={() => void search('')}>
                Clear search
              </button>
            </div>
          )
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
            onPick={() => setDrawer(true)}
            onOpen={() => {
              setDrawer(true)
              requestAnimationFrame(() => document.getElementById('detail-title')?.focus())
            }}
            onReveal={(key) => setDialog({ kind: 'reveal', key })}
            onDelete={(key) => setDialog({ kind: 'delete', key })}
            onCopy={copy}
            onMenu={(key, at) => setMenu({ key, at })}
          />
        )}
        {notice === null ? null : (
          <Notice text={notice.text} action={notice.action} onActionExpired={dropNoticeAction} />
        )}
        <CopyChip />
      </section>
      <aside className="detail-pane" aria-label="Key detail">
        <button
          type="button"
          className="ghost drawer-close"
          aria-label="Close the detail"
          onClick={() => {
            setDrawer(false)
            document.querySelector<HTMLElement>('.key-list')?.focus()
          }}
        >
          <X aria-hidden />
        </button>
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
          initialValue={dialog.value}
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
          label={`Actions for ${menu.key.ref}`}
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
          onDeleted={(revoked) =>
            finish(
              `${revoked ? 'Revoked' : 'Moved'} ${dialog.key.ref}${revoked ? ' and moved it' : ''} to the Trash.`,
              undefined,
              { label: 'Undo', run: () => void restore(dialog.key) },
            )
          }
        />
      ) : null}
    </div>
  )
}
