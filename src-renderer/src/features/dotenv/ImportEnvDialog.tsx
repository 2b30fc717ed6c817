import { useId, useState } from 'react'
import type { ResponseOf } from '../../../../src-preload/contract'
import { errorInfo } from '../../lib/errors'
import { command } from '../../store/commands'
import { Modal } from '../../components/Modal'
import { ChooseFile } from './ChooseFile'
import { ImportPreviewTable } from './ImportPreviewTable'
import { StepActions } from './StepActions'

type Preview = ResponseOf<'dotenv:importPreview'>

/**
 * "Import .env…": pick a file, see per variable what would be created, skipped (already stored, name taken) or
 * left out (placeholders, settings that are not keys); untick what you do not want, then create.
 */
export function ImportEnvDialog({ onClose }: { readonly onClose: (notice: string | null) => void }) {
  const titleId = useId()
  const [environment, setEnvironment] = useState('development')
  const [preview, setPreview] = useState<Preview | null>(null)
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set())
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function show(file: string) {
    setError(null)
    try {
      const found = await command('dotenv:importPreview', { file, environment: environment.trim() || 'development' })
      setPreview(found)
      setTicked(new Set(found.rows.filter((row) => row.action === 'create').map((row) => row.variable)))
    } catch (caught) {
      setError(errorInfo(caught).message)
    }
  }

  async function create(current: Preview) {
    setBusy(true)
    try {
      const { created } = await command('dotenv:import', {
        file: current.file,
        environment: environment.trim() || 'development',
        variables: [...ticked],
      })
      onClose(`Created ${created.length} key${created.length === 1 ? '' : 's'} from ${current.file}.`)
    } catch (caught) {
      setError(errorInfo(caught).message)
      setBusy(false)
    }
  }

  const creatable = preview?.rows.filter((row) => row.action === 'create') ?? []
  return (
    <Modal titleId={titleId} onClose={() => onClose(null)} wide>
      <h2 id={titleId}>Import .env</h2>
      {preview === null ? (
        <>
          <label htmlFor="import-environment">Environment of the new keys</label>
          <input
            id="import-environment"
            value={environment}
            onChange={(event) => setEnvironment(event.target.value)}
            maxLength={64}
          />
          <ChooseFile purpose="import" onChosen={(file) => void show(file)} onError={setError} />
        </>
      ) : (
        <>
          <p>
            <code>{preview.file}</code>: {creatable.length} of {preview.rows.length} variables can become keys.
          </p>
          {creatable.length > 1 ? (
            <div className="actions start">
              <button type="button" onClick={() => setTicked(new Set(creatable.map((row) => row.variable)))}>
                Tick all
              </button>
              <button type="button" onClick={() => setTicked(new Set())}>
                Untick all
              </button>
            </div>
          ) : null}
          <ImportPreviewTable
            rows={preview.rows}
            ticked={ticked}
            onToggle={(variable, on) => {
              const next = new Set(ticked)
              if (on) next.add(variable)
              else next.delete(variable)
              setTicked(next)
            }}
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
            : {
                label: busy ? 'Creating…' : `Create ${ticked.size} key${ticked.size === 1 ? '' : 's'}`,
                disabled: busy || ticked.size === 0,
                run: () => void create(preview),
              }
        }
      />
    </Modal>
  )
}
