import { useEffect, type RefObject } from 'react'
import type { KeySummary } from '../../../../src-preload/contract'
import { typingInField } from '../shell/appShortcuts'
import type { Dialog } from './keysDialog'

const PANES = ['.sidebar', '.key-list', '.detail-pane'] as const

/** Moves focus to the next (or previous) pane: the list itself, else the pane's first focusable control. */
function cyclePanes(step: 1 | -1): void {
  const active = document.activeElement
  const current = PANES.findIndex((pane) => (active?.closest(pane) ?? null) !== null)
  for (let turn = 1; turn <= PANES.length; turn++) {
    const pane = document.querySelector<HTMLElement>(
      PANES[(current + step * turn + PANES.length * 2) % PANES.length] ?? '',
    )
    // The pane's first control that is shown (the drawer's close button is not, in a wide window).
    const target =
      pane?.tabIndex === 0
        ? pane
        : [...(pane?.querySelectorAll<HTMLElement>('button, [href], input, [tabindex="0"]') ?? [])].find((element) =>
            element.checkVisibility(),
          )
    if (target !== undefined && target !== null) return target.focus()
  }
}

/**
 * The keys page's keyboard (UI.md §4.15) and paste-to-add: F6 panes, `/` and Ctrl/⌘+F search, Ctrl/⌘+N add,
 * Ctrl/⌘+L lock, Ctrl/⌘+Shift+W write, Ctrl/⌘+E edit, Ctrl/⌘+Shift+C copy as NAME=value, Ctrl/⌘+Shift+R rotate,
 * Ctrl/⌘+R reveal, Esc closes the narrow window's drawer; Ctrl/⌘+V with no field focused opens Add with the value.
 * None fires over an open dialog.
 */
export function useKeysShortcuts({
  selected,
  drawer,
  searchField,
  openDialog,
  closeDrawer,
  lock,
  copyAsEnv,
  rotate,
}: {
  readonly selected: KeySummary | null
  readonly drawer: boolean
  readonly searchField: RefObject<HTMLInputElement | null>
  readonly openDialog: (dialog: Dialog) => void
  readonly closeDrawer: () => void
  readonly lock: () => void
  readonly copyAsEnv: (key: KeySummary) => void
  readonly rotate: (key: KeySummary) => void
}): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      // The page as it is when the key is pressed: a listener from the render before may still be the one attached
      // just after a dialog closed (its effect not yet run again), and would ignore Ctrl+N there.
      if (document.querySelector('dialog[open]') !== null) return
      if (event.key === 'Escape' && drawer && !typingInField(event.target)) {
        // The narrow window's detail drawer closes on Esc from anywhere but a text field; focus back on the list.
        return closeDrawer()
      }
      if (event.key === 'F6') {
        // F6 / Shift+F6 cycle the panes (sidebar → list → detail), as KeePassXC does.
        event.preventDefault()
        return cyclePanes(event.shiftKey ? -1 : 1)
      }
      if (event.key === '/' && !event.ctrlKey && !event.metaKey && !typingInField(event.target)) {
        // `/` focuses the search, as in KeePassXC, GitHub and most developer tools.
        event.preventDefault()
        return searchField.current?.focus()
      }
      if (!(event.ctrlKey || event.metaKey)) return
      const key = event.key.toLowerCase()
      if (key === 'f') {
        event.preventDefault()
        searchField.current?.focus()
      } else if (key === 'n') {
        event.preventDefault()
        openDialog({ kind: 'add' })
      } else if (key === 'l') {
        event.preventDefault()
        lock()
      } else if (key === 'w' && event.shiftKey) {
        event.preventDefault()
        openDialog({ kind: 'write-env', key: selected?.status === 'active' ? selected : null })
      } else if (key === 'e' && selected !== null) {
        event.preventDefault()
        openDialog({ kind: 'edit', key: selected })
      } else if (key === 'c' && event.shiftKey && selected !== null) {
        // NAME=value, as a .env line (a pair: both lines), cleared like any copy.
        event.preventDefault()
        copyAsEnv(selected)
      } else if (key === 'r' && event.shiftKey && selected !== null) {
        event.preventDefault()
        rotate(selected)
      } else if (key === 'r' && selected !== null) {
        event.preventDefault()
        openDialog({ kind: 'reveal', key: selected })
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [lock, selected, drawer, closeDrawer, copyAsEnv, rotate, openDialog, searchField])

  useEffect(() => {
    // Ctrl/⌘+V with no field focused opens Add with the pasted value (UI.md §4.7; the empty vault's paste zone).
    function onPaste(event: ClipboardEvent) {
      if (document.querySelector('dialog[open]') !== null || typingInField(event.target)) return
      const text = event.clipboardData?.getData('text/plain').trim() ?? ''
      if (text === '') return
      event.preventDefault()
      openDialog({ kind: 'add', value: text })
    }
    window.addEventListener('paste', onPaste)
    return () => window.removeEventListener('paste', onPaste)
  }, [openDialog])
}
