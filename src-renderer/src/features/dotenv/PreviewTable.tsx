import { useEffect, useState } from 'react'
import type { ResponseOf } from '../../../../src-preload/contract'
import { ErrorLine } from '../../components/ErrorLine'
import { errorInfo } from '../../lib/errors'
import { command } from '../../store/commands'

type Line = ResponseOf<'dotenv:preview'>['lines'][number]

const REVEAL_MS = 30_000

const CHANGE: Record<Line['change'], string> = { added: 'Added', changed: 'Changed', unchanged: 'Already current' }

/**
 * The diff, one row per variable: what the file holds now and what it will hold, masked; "Reveal" shows the value to
 * be written for that line only (an audited reveal, as in the reveal dialog), "Hide" masks it again, as do 30 s.
 */
export function PreviewTable({ lines }: { readonly lines: readonly Line[] }) {
  const [revealed, setRevealed] = useState<ReadonlyMap<string, string>>(new Map())
  const [error, setError] = useState<string | null>(null)
  // As in the reveal dialog: a shown value is masked again after 30 s.
  useEffect(() => {
    if (revealed.size === 0) return
    const timer = setTimeout(() => setRevealed(new Map()), REVEAL_MS)
    return () => clearTimeout(timer)
  }, [revealed])

  async function toggle(line: Line) {
    if (revealed.has(line.keyId)) {
      const next = new Map(revealed)
      next.delete(line.keyId)
      return setRevealed(next)
    }
    try {
      const { value } = await command('key:reveal', { id: line.keyId })
      setRevealed(new Map(revealed).set(line.keyId, value))
    } catch (caught) {
      setError(errorInfo(caught).message)
    }
  }

  return (
    <>
      <table className="diff">
        <caption className="visually-hidden">Changes to the file</caption>
        <thead>
          <tr>
            <th scope="col">Variable</th>
            <th scope="col">Change</th>
            <th scope="col">In the file now</th>
            <th scope="col">Will be</th>
            <th scope="col">
              <span className="visually-hidden">Reveal</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.variable} className={`diff-${line.change}`}>
              <th scope="row">
                <code>{line.variable}</code>
              </th>
              <td>
                {CHANGE[line.change]}
                {line.assignments > 1 ? ` (assigned ${line.assignments} times: every one is rewritten)` : ''}
              </td>
              <td>
                <code>{line.before ?? '—'}</code>
              </td>
              <td>
                <code className={line.secret && revealed.has(line.keyId) ? 'revealed-line' : undefined}>
                  {(line.secret ? revealed.get(line.keyId) : undefined) ?? line.after}
                </code>
              </td>
              <td>
                {/* A pair's public part (the AWS access key id) is shown whole: there is nothing to reveal. */}
                {line.secret && (
                  <button
                    type="button"
                    aria-label={`${revealed.has(line.keyId) ? 'Hide' : 'Reveal'} ${line.variable}`}
                    onClick={() => void toggle(line)}
                  >
                    {revealed.has(line.keyId) ? 'Hide' : 'Reveal'}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ErrorLine message={error} />
    </>
  )
}
