import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { useKeywardStore } from '../../store'

/** Two different group numbers (1-based) to type back: proof the code was written down, not just seen. */
function pickGroups(count: number): [number, number] {
  const first = 1 + Math.floor(Math.random() * count)
  let second = 1 + Math.floor(Math.random() * (count - 1))
  if (second >= first) second += 1
  return first < second ? [first, second] : [second, first]
}

/**
 * The recovery code as a kit: large, grouped, printable; confirmed by typing back two random groups. `notice` says
 * why it appears after an unlock (an interrupted password change was finished).
 */
export function RecoveryKit({ code, notice = null }: { readonly code: string; readonly notice?: string | null }) {
  const confirmRecoveryKit = useKeywardStore((state) => state.confirmRecoveryKit)
  const groups = code.split('-')
  const [asked] = useState(() => pickGroups(groups.length))
  const [answers, setAnswers] = useState<[string, string]>(['', ''])
  const [error, setError] = useState<string | null>(null)
  const ids = [useId(), useId()]
  // The kit replaces the screen that was focused (the create form, the unlock): focus starts at its title.
  const title = useRef<HTMLHeadingElement>(null)
  useEffect(() => title.current?.focus(), [])

  function confirm(event: FormEvent) {
    event.preventDefault()
    const normal = (text: string) => text.trim().toUpperCase()
    const right = asked.every((group, i) => normal(answers[i] ?? '') === groups[group - 1])
    if (!right) return setError('That does not match the code. Check what you wrote down.')
    // Locked meanwhile: the code has left the window anyway, and Health will offer a new kit.
    confirmRecoveryKit().catch(() => undefined)
  }

  return (
    <section className="card narrow" aria-labelledby="kit-title">
      <h1 id="kit-title" tabIndex={-1} ref={title}>
        Save your recovery kit
      </h1>
      {notice === null ? null : (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <p>
        If you forget your master password, this code is the only way back into your vault. Write it down or print this
        page, and keep it apart from this computer. It is shown only now.
      </p>
      <p className="recovery-code" aria-label="Recovery code, by group">
        {groups.map((group, i) => (
          <span key={i} className="code-group">
            {group}
          </span>
        ))}
      </p>
      <button type="button" onClick={() => window.print()}>
        Print…
      </button>
      <form onSubmit={confirm} noValidate>
        <p>To check you have it, type two of its groups.</p>
        {asked.map((group, i) => (
          <div key={group}>
            <label htmlFor={ids[i]}>Group {group}</label>
            <input
              id={ids[i]}
              className="mono"
              autoComplete="off"
              spellCheck={false}
              value={answers[i]}
              onChange={(event) =>
                setAnswers((previous) =>
                  i === 0 ? [event.target.value, previous[1]] : [previous[0], event.target.value],
                )
              }
            />
          </div>
        ))}
        {error === null ? null : (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary">
          I saved it — continue
        </button>
      </form>
    </section>
  )
}
