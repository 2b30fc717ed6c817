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
    if (!node.open) node.showModal()
    return () => node.close()
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
