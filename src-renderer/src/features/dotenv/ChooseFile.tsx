import { errorInfo } from '../../lib/errors'
import { command } from '../../store/commands'
import { useRead } from '../../store/useRead'

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
  // Files written before, offered again for a write (never for an import: importing is no consent to write).
  const written = useRead('dotenv:recent', {}).data?.files ?? []
  const recent = purpose === 'write' ? written : []

  async function choose() {
    try {
      const { file } = await command('dotenv:choose', { purpose })
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
