import { useEffect, useRef, useState, type FormEvent } from 'react'
import { errorInfo } from '../../lib/errors'
import { command } from '../../store/commands'
import { useKeywardStore } from '../../store'
import { NewPasswordFields, newPasswordProblem } from './NewPasswordFields'

type Method = 'password' | 'recovery-code' | 'device'

/** Whole seconds until `until` (a Date.now() time), ticking once a second; 0 once it has passed. */
function useSecondsUntil(until: number): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (until <= Date.now()) return
    const timer = window.setInterval(() => setNow(Date.now()), 1000)
    return () => window.clearInterval(timer)
  }, [until])
  return Math.max(0, Math.ceil((until - now) / 1000))
}

/** Unlock: the master password, or the recovery code (which sets a new password and issues a new code). */
export function Unlock() {
  const vaultDir = useKeywardStore((state) => state.vaultDir)
  const afterUnlock = useKeywardStore((state) => state.afterUnlock)
  const showRecoveryCode = useKeywardStore((state) => state.showRecoveryCode)
  const showUnlockNotice = useKeywardStore((state) => state.showUnlockNotice)
  const device = useKeywardStore((state) => state.device)
  const waiting = useKeywardStore((state) => state.vaultWaiting)
  const [method, setMethod] = useState<Method>(device === 'ready' ? 'device' : 'password')
  const [password, setPassword] = useState('')
  const [code, setCode] = useState('')
  const [newPassword, setNewPassword] = useState('')
  const [newConfirmation, setNewConfirmation] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const passwordField = useRef<HTMLInputElement>(null)
  // After wrong passwords main makes each next attempt wait; the wait is shown as a countdown, not as an error.
  const [retryAt, setRetryAt] = useState(0)
  const waitSeconds = useSecondsUntil(retryAt)

  const readWait = () =>
    command('vault:status', {}).then(
      ({ unlockWaitMs }) => setRetryAt(unlockWaitMs > 0 ? Date.now() + unlockWaitMs : 0),
      () => undefined, // the status is shown elsewhere if it cannot be read
    )

  useEffect(() => void readWait(), [])

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      // A new password set with the recovery code is held to the same rule as a vault's first one, typed twice.
      const problem = method === 'recovery-code' ? await newPasswordProblem(newPassword, newConfirmation) : null
      if (problem !== null) return setError(problem)
      const request =
        method === 'password'
          ? ({ method: 'password', password } as const)
          : method === 'device'
            ? ({ method: 'device' } as const)
            : ({ method: 'recovery-code', code, newPassword } as const)
      // A recovery always brings a new code; a password or device unlock does when it finished a password change
      // a crash had interrupted (that change's own code was never shown).
      const { newRecoveryCode, notice } = await command('vault:unlock', request)
      if (newRecoveryCode !== null) showRecoveryCode(newRecoveryCode, notice)
      else showUnlockNotice(notice)
      setPassword('')
    } catch (caught) {
      const info = errorInfo(caught)
      setError(
        info.code === 'THROTTLED'
          ? 'Too many wrong attempts. Keyward waits before checking the next one.'
          : info.message,
      )
      await readWait()
      // As KeePassXC does: the field keeps focus with its text selected, ready to retype.
      passwordField.current?.select()
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="card narrow" aria-labelledby="unlock-title">
      <h1 id="unlock-title">Unlock your vault</h1>
      <p className="muted" id="vault-path">
        <code>{vaultDir}</code>
      </p>
      {afterUnlock === null ? null : (
        <p className="notice" role="status">
          {afterUnlock.kind === 'key'
            ? 'After unlocking: the key from the notification.'
            : `After unlocking: Needs attention${afterUnlock.due === null ? '' : ` — ${afterUnlock.due} key${afterUnlock.due === 1 ? '' : 's'} due`}.`}
        </p>
      )}
      <div className="segmented" role="group" aria-label="Unlock with">
        <button type="button" aria-pressed={method === 'password'} onClick={() => setMethod('password')}>
          Password
        </button>
        <button type="button" aria-pressed={method === 'recovery-code'} onClick={() => setMethod('recovery-code')}>
          Recovery code
        </button>
        {device === 'ready' ? (
          <button type="button" aria-pressed={method === 'device'} onClick={() => setMethod('device')}>
            This device
          </button>
        ) : null}
      </div>
      {device === 'password-due' ? (
        <p className="muted">Device unlock is on; Keyward asks for your password every 14 days.</p>
      ) : null}
      <form onSubmit={(event) => void submit(event)} noValidate aria-describedby="vault-path">
        {method === 'device' ? (
          <p>Unlock with this computer&apos;s keychain. Your master password is still asked every 14 days.</p>
        ) : method === 'password' ? (
          <>
            <label htmlFor="master-password">Master password</label>
            <input
              id="master-password"
              ref={passwordField}
              type="password"
              autoComplete="current-password"
              autoFocus
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          </>
        ) : (
          <>
            <label htmlFor="recovery-code">Recovery code</label>
            <input
              id="recovery-code"
              className="mono"
              autoComplete="off"
              spellCheck={false}
              autoFocus
              value={code}
              onChange={(event) => setCode(event.target.value)}
            />
            <NewPasswordFields
              label="New master password"
              password={newPassword}
              confirmation={newConfirmation}
              onPassword={setNewPassword}
              onConfirmation={setNewConfirmation}
            />
            <p className="muted">A new recovery code is issued; the old one and the old password stop working.</p>
          </>
        )}
        {error === null ? null : (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {waitSeconds > 0 && method !== 'device' ? (
          <p className="muted" aria-live="off" data-testid="unlock-wait">
            Try again in {waitSeconds} s.
          </p>
        ) : null}
        {busy && waiting !== null ? (
          <p className="muted" role="status">
            {waiting === 'password-change'
              ? 'Waiting for a password change in another Keyward (the app or a command) to finish…'
              : 'Waiting for other Keyward commands to close the vault…'}
          </p>
        ) : null}
        <button type="submit" className="primary" disabled={busy || (waitSeconds > 0 && method !== 'device')}>
          {busy ? 'Unlocking…' : 'Unlock'}
        </button>
      </form>
    </section>
  )
}
