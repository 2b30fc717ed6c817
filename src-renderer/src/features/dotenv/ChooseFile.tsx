import { useEffect, useState } from 'react'
import { call, errorInfo } from '../../lib/call'

/**
 * Which file: the files keys were written to (most recent first) for a write, then "Choose…", the OS picker in
 * main. The window never types a path: main only reads or writes a file it handed over.
 */
export function ChooseFile({
  purpose,
  onChosen,
  onError,
}: {
  readonly purpose: 'write' | 'import'
  readonly onChosen: (file: string) => void
  readonly onError: (message: string) => void
}) {
  const [recent, setRecent] = useState<readonly string[]>([])
  useEffect(() => {
    if (purpose !== 'write') return
    let live = true
    call('dotenv:recent', {}).then(
      ({ files }) => live && setRecent(files),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [purpose])

  async function choose() {
    try {
      const { file } = await call('dotenv:choose', { purpose })
      if (file !== null) onChosen(file)
    } catch (caught) {
      onError(errorInfo(caught).message)
    }
  }

  return (
    <div className="choose-file">
      {recent.length === 0 ? null : (
        <ul className="plain" aria-label="Recent .env files">
          {recent.map((file) => (
            <li key={file}>
              <button type="button" className="link" onClick={() => onChosen(file)}>
                {file}
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" onClick={() => void choose()}>
        Choose…
      </button>
    </div>
  )
}
