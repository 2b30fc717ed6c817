import { useId, useState } from 'react'
import type { ResponseOf } from '../../../../src-preload/contract'
import { call, errorInfo } from '../../lib/call'
import { Modal } from '../keys/Modal'
import { ChooseFile } from './ChooseFile'
import { StepActions } from './StepActions'

type Preview = ResponseOf<'dotenv:importPreview'>
type Row = Preview['rows'][number]

function outcome(row: Row): string {
  switch (row.action) {
    case 'create':
      return `New key ${row.ref ?? ''}`
    case 'duplicate':
      return `Already stored as ${row.ref ?? ''}: skipped`
    case 'conflict':
      return `The name ${row.ref ?? ''} is taken: skipped`
    case 'placeholder':
      return 'A placeholder, not a key: left out'
    case 'unrecognised':
      return 'No known key format: left out'
  }
}

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
      const found = await call('dotenv:importPreview', { file, environment: environment.trim() || 'development' })
      setPreview(found)
      setTicked(new Set(found.rows.filter((row) => row.action === 'create').map((row) => row.variable)))
    } catch (caught) {
      setError(errorInfo(caught).message)
    }
  }

  async function create(current: Preview) {
    setBusy(true)
    try {
      const { created } = await call('dotenv:import', { file: current.file, environment: environment.trim() || 'development', variables: [...ticked] })
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
          <input id="import-environment" value={environment} onChange={(event) => setEnvironment(event.target.value)} maxLength={64} />
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
          <table className="diff import-preview">
            <caption className="visually-hidden">What the import would do</caption>
            <thead>
              <tr>
                <th scope="col">Import</th>
                <th scope="col">Variable</th>
                <th scope="col">Provider</th>
                <th scope="col">Value</th>
                <th scope="col">What happens</th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((row) => (
                <tr key={row.variable} className={`import-${row.action}`}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Import ${row.variable}`}
                      disabled={row.action !== 'create'}
                      checked={ticked.has(row.variable)}
                      onChange={(event) => {
                        const next = new Set(ticked)
                        if (event.target.checked) next.add(row.variable)
                        else next.delete(row.variable)
                        setTicked(next)
                      }}
                    />
                  </td>
                  <th scope="row">
                    <code>{row.variable}</code>
                  </th>
                  <td>{row.provider ?? '—'}</td>
                  <td>
                    <code>{row.masked}</code>
                  </td>
                  <td>{outcome(row)}</td>
                </tr>
              ))}
            </tbody>
          </table>
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
