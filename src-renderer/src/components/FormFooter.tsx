/** The end of every dialog form: the error (announced), Cancel, and the submit button. */
export function FormFooter({
  error,
  onCancel,
  submitLabel,
  danger = false,
  disabled = false,
}: {
  readonly error: string | null
  readonly onCancel: () => void
  readonly submitLabel: string
  readonly danger?: boolean
  readonly disabled?: boolean
}) {
  return (
    <>
      {error === null ? null : (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className={danger ? 'danger' : 'primary'} disabled={disabled}>
          {submitLabel}
        </button>
      </div>
    </>
  )
}
