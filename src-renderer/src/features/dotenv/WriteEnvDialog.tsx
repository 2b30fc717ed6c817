import { useId, useState } from 'react'
import type { KeySummary, RequestOf, ResponseOf } from '../../../../src-preload/contract'
import { errorInfo } from '../../lib/errors'
import { command } from '../../store/commands'
import { Modal } from '../../components/Modal'
import { ChooseFile } from './ChooseFile'
import { ExposureList } from './ExposureList'
import { PreviewTable } from './PreviewTable'
import { StepActions } from './StepActions'

type Preview = ResponseOf<'dotenv:preview'>
type Selection = RequestOf<'dotenv:preview'>['selection']

/**
 * "Write to .env…": which keys and which file, then the diff (values masked, each revealable), the warnings with
 * their fixes, and the write — refused if the file changed since the diff was shown (then the new diff is shown).
 */
export function WriteEnvDialog({
  keySummary,
  environments,
  onClose,
}: {
  readonly keySummary: KeySummary | null
  readonly environments: readonly string[]
  readonly onClose: (notice: string | null) => void
}) {
  const titleId = useId()
  const [which, setWhich] = useState<'key' | 'environment'>(keySummary === null ? 'environment' : 'key')
  const [environment, setEnvironment] = useState(keySummary?.environment ?? environments[0] ?? 'development')
  const [preview, setPreview] = useState<Preview | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const selection: Selection = which === 'key' && keySummary !== null ? { ids: [keySummary.id] } : { environment }

  async function show(file: string, note: string | null = null) {
    setError(note)
    try {
      setPreview(await command('dotenv:preview', { file, selection }))
    } catch (caught) {
      setError(errorInfo(caught).message)
    }
  }

  async function write(current: Preview) {
    setBusy(true)
    try {
      const done = await command('dotenv:write', { file: current.file, selection, digest: current.digest })
      const count = done.added.length + done.updated.length
      onClose(
        count === 0
          ? `${done.file} already held these values.`
          : `Wrote ${count} variable${count === 1 ? '' : 's'} to ${done.file}.`,
      )
    } catch (caught) {
      const info = errorInfo(caught)
      if (info.code === 'CONFLICT') await show(current.file, `${info.message} This is the new diff.`)
      else setError(info.message)
      setBusy(false)
    }
  }

  return (
    <Modal titleId={titleId} onClose={() => onClose(null)} wide>
      <h2 id={titleId}>Write to .env</h2>
      {preview === null ? (
        <>
          <fieldset>
            <legend>Keys</legend>
            {keySummary === null ? null : (
              <label className="choice">
                <input type="radio" name="which" checked={which === 'key'} onChange={() => setWhich('key')} /> This key:{' '}
                {keySummary.ref}
              </label>
            )}
            <label className="choice">
              <input
                type="radio"
                name="which"
                checked={which === 'environment'}
                onChange={() => setWhich('environment')}
              />{' '}
              Every active key of the environment
            </label>
            <select
              aria-label="Environment"
              value={environment}
              disabled={which !== 'environment'}
              onChange={(event) => setEnvironment(event.target.value)}
            >
              {[...new Set([environment, ...environments])].map((name) => (
                <option key={name}>{name}</option>
              ))}
            </select>
          </fieldset>
          <h3>File</h3>
          <ChooseFile purpose="write" onChosen={(file) => void show(file)} onError={setError} />
        </>
      ) : (
        <>
          <p>
            <code>{preview.file}</code> {preview.exists ? '' : '(a new file, created readable by you only)'}
          </p>
          <PreviewTable lines={preview.lines} />
          <ExposureList
            file={preview.file}
            exposure={preview.exposure}
            onFixed={(exposure) => setPreview({ ...preview, exposure: [...exposure] })}
            onError={setError}
          />
        </>
      )}
      <StepActions
        error={error}
        onBack={preview === null ? null : () => setPreview(null)}
        onCancel={() => onClose(null)}
        action={
          preview === null
            ? null
            : { label: busy ? 'Writing…' : 'Write', disabled: busy, run: () => void write(preview) }
        }
      />
    </Modal>
  )
}
