import { useEffect, useId, useState } from 'react'
import { MINIMUM_SCORE, passwordScore, STRENGTH_LABELS } from './passwordStrength'

/**
 * Why a new master password is refused, or null: scored again here, not read from the meter — pressed before the
 * checker's dictionary has loaded (a fast typist, a slow machine), the meter still shows the last answer. The same
 * rule for creating a vault and for a new password set with the recovery code.
 */
export async function newPasswordProblem(password: string, confirmation: string): Promise<string | null> {
  if ((await passwordScore(password)) < MINIMUM_SCORE)
    return `Choose a stronger password: it must rate at least "${STRENGTH_LABELS[MINIMUM_SCORE]}".`
  if (password !== confirmation) return 'The two passwords differ.'
  return null
}

interface Props {
  readonly label: string
  readonly password: string
  readonly confirmation: string
  readonly onPassword: (value: string) => void
  readonly onConfirmation: (value: string) => void
  /** The id of the error line, when one is shown, for the field's description. */
  readonly errorId?: string
  readonly autoFocus?: boolean
}

/** A new master password: the field, its strength meter (zxcvbn-ts), and the field that confirms it. */
export function NewPasswordFields({
  label,
  password,
  confirmation,
  onPassword,
  onConfirmation,
  errorId,
  autoFocus = false,
}: Props) {
  const [score, setScore] = useState(0)
  const ids = { password: useId(), confirmation: useId(), strength: useId() }

  useEffect(() => {
    let current = true
    void passwordScore(password).then((next) => {
      if (current) setScore(next)
    })
    return () => {
      current = false
    }
  }, [password])

  return (
    <>
      <label htmlFor={ids.password}>{label}</label>
      <input
        id={ids.password}
        type="password"
        autoComplete="new-password"
        autoFocus={autoFocus}
        value={password}
        aria-describedby={`${ids.strength}${errorId === undefined ? '' : ` ${errorId}`}`}
        onChange={(event) => onPassword(event.target.value)}
      />
      <div className="strength" id={ids.strength}>
        <meter min={0} max={4} low={2} high={3} optimum={4} value={score} aria-label="Password strength" />
        <span>{password === '' ? 'Strength' : STRENGTH_LABELS[score]}</span>
      </div>
      <label htmlFor={ids.confirmation}>Confirm the password</label>
      <input
        id={ids.confirmation}
        type="password"
        autoComplete="new-password"
        value={confirmation}
        onChange={(event) => onConfirmation(event.target.value)}
      />
    </>
  )
}
