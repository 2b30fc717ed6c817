import { useEffect, useRef, type KeyboardEvent } from 'react'

export interface MenuAction {
  readonly label: string
  readonly run: () => void
}

/**
 * The list's context menu (right-click, the Menu key or Shift+F10 on a row): the key's actions in one place, as the
 * menu pattern of WAI-ARIA has them — focus moves in, ↑/↓/Home/End move, Enter runs, Esc or a click outside closes
 * and focus goes back to the list. Plain elements positioned through the CSSOM: nothing injected, clean under the CSP.
 */
export function KeyMenu({
  label,
  at,
  actions,
  onClose,
}: {
  /** The menu's accessible name: "Actions for stripe/prod". */
  readonly label: string
  readonly at: { readonly x: number; readonly y: number }
  readonly actions: readonly MenuAction[]
  readonly onClose: () => void
}) {
  const menu = useRef<HTMLDivElement>(null)
  useEffect(() => {
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus()
    const outside = (event: PointerEvent) => {
      if (!menu.current?.contains(event.target as Node)) onClose()
    }
    window.addEventListener('pointerdown', outside)
    return () => window.removeEventListener('pointerdown', outside)
  }, [onClose])

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])]
    const index = items.indexOf(document.activeElement as HTMLElement)
    const focus = (to: number) => items[(to + items.length) % items.length]?.focus()
    if (event.key === 'ArrowDown') focus(index + 1)
    else if (event.key === 'ArrowUp') focus(index - 1)
    else if (event.key === 'Home') focus(0)
    else if (event.key === 'End') focus(items.length - 1)
    else if (event.key === 'Escape' || event.key === 'Tab') onClose()
    else return
    event.preventDefault()
    event.stopPropagation()
  }

  return (
    <div
      ref={menu}
      role="menu"
      aria-label={label}
      className="context-menu"
      style={{
        left: Math.min(at.x, window.innerWidth - 220),
        top: Math.min(at.y, window.innerHeight - 40 * actions.length),
      }}
      onKeyDown={onKeyDown}
    >
      {actions.map((action) => (
        <button
          key={action.label}
          type="button"
          role="menuitem"
          tabIndex={-1}
          onClick={() => {
            onClose()
            action.run()
          }}
        >
          {action.label}
        </button>
      ))}
    </div>
  )
}
