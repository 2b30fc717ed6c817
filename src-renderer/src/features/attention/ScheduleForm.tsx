import { useId, useState, type FormEvent } from 'react'
import type { KeySummary } from '../../../../src-preload/contract'
import { ErrorLine } from '../../components/ErrorLine'
import { errorInfo } from '../../lib/errors'
import { command } from '../../store/commands'

/** Expiry date and rotation period, set in place (Needs attention, Health): one request, checked in main. */
export function ScheduleForm({
  keySummary,
  onDone,
}: {
  readonly keySummary: KeySummary
  readonly onDone: (saved: KeySummary | null) => void
}) {
  const id = useId()
  const [expiresAt, setExpiresAt] = useState(keySummary.expiresAt ?? '')
  const [rotateEvery, setRotateEvery] = useState(
    keySummary.rotateEveryDays === null ? '' : String(keySummary.rotateEveryDays),
  )
  const [error, setError] = useState<string | null>(null)

  async function save(event: FormEvent) {
    event.preventDefault()
    const days = rotateEvery.trim() === '' ? null : Number(rotateEvery)
    if (days !== null && (!Number.isInteger(days) || days < 1 || days > 3650))
      return setError('Rotate every 1 to 3650 days, or leave it empty.')
    try {
      const { key } = await command('key:schedule', {
        id: keySummary.id,
        expiresAt: expiresAt === '' ? null : expiresAt,
        rotateEveryDays: days,
      })
      onDone(key)
    } catch (caught) {
      setError(errorInfo(caught).message)
    }
  }

  return (
    <form
      className="schedule-form"
      onSubmit={(event) => void save(event)}
      aria-label={`Dates of ${keySummary.ref}`}
      noValidate
    >
      <label htmlFor={`${id}-expires`}>Expires on</label>
      <input
        id={`${id}-expires`}
        type="date"
        value={expiresAt}
        onChange={(event) => setExpiresAt(event.target.value)}
        autoFocus
      />
      <label htmlFor={`${id}-rotate`}>Rotate every (days)</label>
      <input
        id={`${id}-rotate`}
        inputMode="numeric"
        value={rotateEvery}
        onChange={(event) => setRotateEvery(event.target.value)}
      />
      <button type="submit" className="primary">
        Save
      </button>
      <button type="button" onClick={() => onDone(null)}>
        Cancel
      </button>
      <ErrorLine message={error} />
    </form>
  )
}
