import { useEffect } from 'react'

/** What a notice can offer: one action (Undo), for a short while. */
export interface NoticeAction {
  readonly label: string
  readonly run: () => void
}

/** How long Undo stays offered after a move to the Trash (UI.md §4.9: an undo toast for 10 s). */
const ACTION_MS = 10_000

/**
 * The list's notice: what the last action did, announced politely (never stealing focus), with its Undo for
 * ACTION_MS — after that the notice stays, the action goes.
 */
export function Notice({
  text,
  action,
  onActionExpired,
}: {
  readonly text: string
  readonly action: NoticeAction | null
  readonly onActionExpired: () => void
}) {
  useEffect(() => {
    if (action === null) return
    const timer = setTimeout(onActionExpired, ACTION_MS)
    return () => clearTimeout(timer)
  }, [action, onActionExpired])
  return (
    <p className="notice" role="status">
      {text}
      {action === null ? null : (
        <>
          {' '}
          <button type="button" className="ghost small" onClick={action.run}>
            {action.label}
          </button>
        </>
      )}
    </p>
  )
}
