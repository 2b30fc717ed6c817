/** The end of every dialog form: the error (announced), Cancel, and the submit button. */
export function FormFooter({
  error,
  onCancel,
  submitLabel,
  danger = false,
  disabled = false,
  autoFocus = false,
}: {
  readonly error: string | null
  readonly onCancel: () => void
  readonly submitLabel: string
  readonly danger?: boolean
  readonly disabled?: boolean
  /** Focus starts on the submit button (a confirmation whose answer is the button). */
  readonly autoFocus?: boolean
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
        <button
          type="submit"
          className={danger ? 'danger' : 'primary'}
          disabled={disabled}
          data-initial-focus={autoFocus ? '' : undefined}
        >
          {submitLabel}
        </button>
      </div>
    </>
  )
}
