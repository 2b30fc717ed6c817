import type { ErrorInfo } from '../../../src-preload/contract'

/** A form's failure: the message in words, and the request field it is about (null: the form as a whole). */
export interface FormError {
  readonly message: string
  readonly field: string | null
}

/** Which field main's answer is about: the hint names it, or the kind of failure does. */
export function formErrorOf(info: ErrorInfo): FormError {
  const hint = info.hint
  const field =
    hint?.action === 'fix-field'
      ? hint.field
      : hint?.action === 'skip-format-check'
        ? 'value'
        : hint?.action === 'give-pair-id'
          ? 'pairId'
          : hint?.action === 'set-env-var'
            ? 'envVar'
            : hint?.action === 'choose-provider'
              ? 'provider'
              : info.code === 'CONFLICT'
                ? 'name'
                : null
  return { message: info.message, field }
}

/** The error beside the field it is about (announced; the field points at it with aria-describedby). */
export function FieldError({
  error,
  field,
  id,
}: {
  readonly error: FormError | null
  readonly field: string
  readonly id: string
}) {
  if (error?.field !== field) return null
  return (
    <p id={id} className="error field-error" role="alert">
      {error.message}
    </p>
  )
}

/** Props that mark a field at fault: invalid, described by its error. */
export function invalidProps(
  error: FormError | null,
  field: string,
  errorId: string,
): { 'aria-invalid'?: true; 'aria-describedby'?: string } {
  return error?.field === field ? { 'aria-invalid': true, 'aria-describedby': errorId } : {}
}
