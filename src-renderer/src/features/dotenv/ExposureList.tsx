import type { ResponseOf } from '../../../../src-preload/contract'
import { errorInfo } from '../../lib/errors'
import { command } from '../../store/commands'

type Exposure = ResponseOf<'dotenv:preview'>['exposure'][number]

/** What could expose the file, each with its fix where one click can make it (a tracked file needs a commit). */
export function ExposureList({
  file,
  exposure,
  onFixed,
  onError,
}: {
  readonly file: string
  readonly exposure: readonly Exposure[]
  readonly onFixed: (remaining: readonly Exposure[]) => void
  readonly onError: (message: string) => void
}) {
  if (exposure.length === 0) return null
  async function fix(kind: 'gitignore' | 'chmod') {
    try {
      onFixed((await command('dotenv:fix', { file, fix: kind })).exposure)
    } catch (caught) {
      onError(errorInfo(caught).message)
    }
  }
  return (
    <ul className="plain warnings" aria-label="Warnings">
      {exposure.map((item) => (
        <li key={item.kind} className="warning">
          <span>{item.message}</span>{' '}
          {item.kind === 'not-ignored' ? (
            <button type="button" onClick={() => void fix('gitignore')}>
              Add to .gitignore
            </button>
          ) : item.kind === 'readable' ? (
            <button type="button" onClick={() => void fix('chmod')}>
              Set 0600
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  )
}
