import { useId, useState, type FormEvent } from 'react'
import { errorInfo } from '../../lib/errors'
import { command } from '../../store/commands'
import { useKeywardStore } from '../../store'
import { NewPasswordFields, newPasswordProblem } from './NewPasswordFields'

/** First run: a master password (with a strength meter and a confirmation), then the recovery kit. */
export function CreateVault() {
  const showRecoveryCode = useKeywardStore((state) => state.showRecoveryCode)
  const vaultDir = useKeywardStore((state) => state.vaultDir)
  const [password, setPassword] = useState('')
  const [confirmation, setConfirmation] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const errorId = useId()

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const problem = await newPasswordProblem(password, confirmation)
      if (problem !== null) return setError(problem)
      const { recoveryCode } = await command('vault:create', { password })
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
        <NewPasswordFields
          label="Master password"
          password={password}
          confirmation={confirmation}
          onPassword={setPassword}
          onConfirmation={setConfirmation}
          autoFocus
          {...(error === null ? {} : { errorId })}
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
