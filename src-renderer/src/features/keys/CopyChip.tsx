import { useEffect, useState } from 'react'
import { useKeywardStore } from '../../store'

/** "Copied STRIPE_SECRET_KEY · Clears in 18 s" with Clear now; gone when main says the clipboard was cleared. */
export function CopyChip() {
  const chip = useKeywardStore((state) => state.copyChip)
  const clearClipboard = useKeywardStore((state) => state.clearClipboard)
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (chip === null) return
    const timer = setInterval(() => setNow(Date.now()), 250)
    return () => clearInterval(timer)
  }, [chip])
  if (chip === null) return null
  const seconds = chip.clearsAt === null ? null : Math.max(0, Math.ceil((chip.clearsAt - now) / 1000))
  return (
    <div className="copy-chip">
      {/* Announced once; the ticking countdown beside it is for the eye only. */}
      <span role="status" className="visually-hidden">
        Copied {chip.label}.{' '}
        {chip.clearsInSeconds === null
          ? 'It stays on the clipboard.'
          : `The clipboard clears in ${chip.clearsInSeconds} seconds.`}
      </span>
      <span aria-hidden="true">
        Copied {chip.label}
        {seconds === null ? '' : ` · Clears in ${seconds} s`}
      </span>
      <button type="button" className="small" onClick={() => void clearClipboard()}>
        Clear now
      </button>
    </div>
  )
}
