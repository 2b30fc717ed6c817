import { useEffect, useRef, type ReactNode } from 'react'

/**
 * A modal on the platform's own `<dialog>` (showModal: focus moves in and is trapped, Esc closes, the rest of the
 * page is inert) — no library, nothing injected, clean under the CSP and Trusted Types.
 */
export function Modal({
  titleId,
  onClose,
  children,
  wide = false,
}: {
  readonly titleId: string
  readonly onClose: () => void
  readonly children: ReactNode
  /** For tables (a diff, an import preview). */
  readonly wide?: boolean
}) {
  const dialog = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const node = dialog.current
    if (node === null) return
    // Focus goes back to what opened the dialog (Reveal, Delete…), or — when that is gone (a deleted key's row) —
    // to the screen's own place for it: never to the page.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    if (!node.open) node.showModal()
    // showModal focuses the first control; a confirmation whose answer is its button marks that button instead.
    node.querySelector<HTMLElement>('[data-initial-focus]')?.focus()
    return () => {
      node.close()
      const home =
        document.querySelector<HTMLElement>('[data-focus-home]') ??
        document.querySelector<HTMLElement>('[data-focus-fallback]')
      const back = opener?.isConnected === true ? opener : home
      back?.focus()
    }
  }, [])
  return (
    <dialog
      ref={dialog}
      className={wide ? 'modal modal-wide' : 'modal'}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
    >
      {children}
    </dialog>
  )
}
