import type { Page } from '../../store/vaultSlice'

/** Whether keys typed now belong to a text field (shortcuts without Ctrl/⌘ leave them alone, UI.md §4.15). */
export function typingInField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
}

/**
 * The window's shortcuts from any page while unlocked (UI.md §4.15): Ctrl/⌘+Shift+H Health, Ctrl/⌘+, Settings,
 * Ctrl/⌘+K or Ctrl/⌘+Shift+P the palette, Ctrl/⌘+/ the shortcut sheet, Ctrl/⌘+1…9 the sidebar's views, Esc or Ctrl/⌘+[ back to the keys.
 * None fires over an open dialog: one modal at a time. Returns the unsubscribe.
 */
export function listenForAppShortcuts(actions: {
  readonly setPage: (page: Page) => void
  readonly openPalette: () => void
  readonly openShortcuts: () => void
  readonly openView: (index: number) => boolean
  readonly onKeysPage: () => boolean
}): () => void {
  function onKeyDown(event: KeyboardEvent) {
    if (document.querySelector('dialog[open]') !== null) return
    const command = event.ctrlKey || event.metaKey
    const key = event.key.toLowerCase()
    if (event.key === 'Escape' && !command) {
      // On the keys page Esc belongs to the search and the list; elsewhere it goes back to the keys.
      if (actions.onKeysPage() || typingInField(event.target)) return
      actions.setPage('vault')
    } else if (!command) return
    else if (event.shiftKey && key === 'h') actions.setPage('health')
    else if (!event.shiftKey && key === ',') actions.setPage('settings')
    else if (!event.shiftKey && key === '[') actions.setPage('vault')
    else if (!event.shiftKey && key === '/') actions.openShortcuts()
    else if ((!event.shiftKey && key === 'k') || (event.shiftKey && key === 'p')) actions.openPalette()
    else if (!event.shiftKey && /^[1-9]$/.test(key)) {
      if (!actions.openView(Number(key) - 1)) return
    } else return
    event.preventDefault()
  }
  window.addEventListener('keydown', onKeyDown)
  return () => window.removeEventListener('keydown', onKeyDown)
}
