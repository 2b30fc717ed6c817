import { useEffect, useId, useState, type FormEvent } from 'react'
import { call, errorInfo } from '../../lib/call'
import { useKeywardStore } from '../../store'
import { MINIMUM_SCORE, passwordScore, STRENGTH_LABELS } from './passwordStrength'

/** First run: a master password (with a strength meter and a confirmation), then the recovery kit. */
export function CreateVault() {
  const showRecoveryCode = useKeywardStore((state) => state.showRecoveryCode)
  const vaultDir = useKeywardStore((state) => state.vaultDir)
  const [password, setPassword] = useState('')
  const [confirmation, setConfirmation] = useState('')
  const [score, setScore] = useState(0)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const strengthId = useId()
  const errorId = useId()

  useEffect(() => {
    let current = true
    void passwordScore(password).then((next) => {
      if (current) setScore(next)
    })
    return () => {
      current = false
    }
  }, [password])

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      // Scored again here, not read from the meter: pressed before the checker's dictionary has loaded (a fast
      // typist, a slow machine), the meter still shows the last answer; this waits for the real one.
      if ((await passwordScore(password)) < MINIMUM_SCORE) {
        return setError(`Choose a stronger password: it must rate at least "${STRENGTH_LABELS[MINIMUM_SCORE]}".`)
      }
      if (password !== confirmation) return setError('The two passwords differ.')
      const { recoveryCode } = await call('vault:create', { password })
      setPassword('')
      setConfirmation('')
      showRecoveryCode(recoveryCode)
    } catch (caught) {
      setError(errorInfo(caught).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="card narrow" aria-labelledby="create-title">
      <h1 id="create-title">Create your vault</h1>
      <p className="muted">
        Your keys are encrypted on this computer, in <code>{vaultDir}</code>. Keyward cannot reset this password.
      </p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <label htmlFor="new-password">Master password</label>
        <input
          id="new-password"
          type="password"
          autoComplete="new-password"
          autoFocus
          value={password}
          aria-describedby={`${strengthId} ${error === null ? '' : errorId}`}
          onChange={(event) => setPassword(event.target.value)}
        />
        <div className="strength" id={strengthId}>
          <meter min={0} max={4} low={2} high={3} optimum={4} value={score} aria-label="Password strength" />
          <span>{password === '' ? 'Strength' : STRENGTH_LABELS[score]}</span>
        </div>
        <label htmlFor="confirm-password">Confirm the password</label>
        <input
          id="confirm-password"
          type="password"
          autoComplete="new-password"
          value={confirmation}
          onChange={(event) => setConfirmation(event.target.value)}
        />
        {error === null ? null : (
          <p className="error" role="alert" id={errorId}>
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Creating… (about a second)' : 'Create vault'}
        </button>
      </form>
    </section>
  )
}
