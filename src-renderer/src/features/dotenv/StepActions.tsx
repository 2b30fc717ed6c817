import { ErrorLine } from '../../components/ErrorLine'

/**
 * The foot of a two-step dialog (choose, then preview): the error, Back once past the first step, Cancel, and the
 * step's action (none on the first step: choosing the file moves on by itself).
 */
export function StepActions({
  error,
  onBack,
  onCancel,
  action,
}: {
  readonly error: string | null
  readonly onBack: (() => void) | null
  readonly onCancel: () => void
  readonly action: { readonly label: string; readonly disabled: boolean; readonly run: () => void } | null
}) {
  return (
    <>
      <ErrorLine message={error} />
      <div className="actions">
        {onBack === null ? null : (
          <button type="button" onClick={onBack}>
            Back
          </button>
        )}
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        {action === null ? null : (
          <button type="button" className="primary" disabled={action.disabled} onClick={action.run}>
            {action.label}
          </button>
        )}
      </div>
    </>
  )
}
