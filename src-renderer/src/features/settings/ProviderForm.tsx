import { useId, useState, type FormEvent } from 'react'
import type { ResponseOf } from '../../../../src-preload/contract'
import { errorInfo } from '../../lib/errors'
import { command } from '../../store/commands'
import { FormFooter } from '../../components/FormFooter'
import { Modal } from '../../components/Modal'

export type CustomProvider = ResponseOf<'providers:custom'>['providers'][number]

const EMPTY: CustomProvider = {
  id: '',
  name: '',
  baseUrl: 'https://',
  auth: { kind: 'bearer' },
  verify: { method: 'GET', path: '/', expectStatus: 200 },
  keyPattern: null,
  envVar: '',
  dashboardUrl: null,
}

/**
 * Add or edit a custom provider: what Keyward needs to verify its keys (base URL, how the key is sent, a path that
 * needs a valid key). Main checks it as `keyward provider add` does (https, a pattern that cannot freeze the app).
 */
export function ProviderForm({
  editing,
  onClose,
}: {
  readonly editing: CustomProvider | null
  readonly onClose: (saved: string | null) => void
}) {
  const titleId = useId()
  const [draft, setDraft] = useState<CustomProvider>(editing ?? EMPTY)
  const [error, setError] = useState<string | null>(null)
  const set = (patch: Partial<CustomProvider>) => setDraft({ ...draft, ...patch })

  async function save(event: FormEvent) {
    event.preventDefault()
    const envVar = draft.envVar.trim() || `${draft.id.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_API_KEY`
    try {
      const { provider } = await command('provider:save', { provider: { ...draft, envVar } })
      onClose(`Saved custom provider ${provider.name}.`)
    } catch (caught) {
      setError(errorInfo(caught).message)
    }
  }

  const field = (
    id: string,
    label: string,
    value: string,
    onChange: (value: string) => void,
    extra: { disabled?: boolean; hint?: string } = {},
  ) => (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={value}
        disabled={extra.disabled}
        spellCheck={false}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={extra.hint === undefined ? undefined : `${id}-hint`}
      />
      {extra.hint === undefined ? null : (
        <p id={`${id}-hint`} className="muted hint-line">
          {extra.hint}
        </p>
      )}
    </>
  )

  return (
    <Modal titleId={titleId} onClose={() => onClose(null)}>
      <h2 id={titleId}>{editing === null ? 'Add a provider' : `Edit ${editing.name}`}</h2>
      <form onSubmit={(event) => void save(event)} noValidate className="provider-form">
        {field('provider-id', 'Id', draft.id, (id) => set({ id }), {
          disabled: editing !== null,
          hint: 'lower-case letters, digits, ".", "_" or "-"',
        })}
        {field('provider-name', 'Name', draft.name, (name) => set({ name }))}
        {field('provider-base-url', 'API base URL', draft.baseUrl, (baseUrl) => set({ baseUrl }), {
          hint: 'https (plain http only to 127.0.0.1)',
        })}
        <label htmlFor="provider-auth">The key is sent as</label>
        <select
          id="provider-auth"
          value={draft.auth.kind}
          onChange={(event) =>
            set({ auth: { kind: event.target.value as CustomProvider['auth']['kind'], header: draft.auth.header } })
          }
        >
          <option value="bearer">Authorization: Bearer</option>
          <option value="header">A header of its own</option>
          <option value="basic-key-as-user">HTTP Basic (key as user name)</option>
        </select>
        {draft.auth.kind === 'header'
          ? field('provider-header', 'Header name', draft.auth.header ?? '', (header) =>
              set({ auth: { kind: 'header', header } }),
            )
          : null}
        <label htmlFor="provider-method">Verify with</label>
        <select
          id="provider-method"
          value={draft.verify.method}
          onChange={(event) => set({ verify: { ...draft.verify, method: event.target.value as 'GET' | 'POST' } })}
        >
          <option>GET</option>
          <option>POST</option>
        </select>
        {field(
          'provider-path',
          'Verify path',
          draft.verify.path,
          (path) => set({ verify: { ...draft.verify, path } }),
          { hint: 'a path that answers only a valid key, e.g. /me' },
        )}
        {field('provider-status', 'Status of a valid key', String(draft.verify.expectStatus), (status) =>
          set({ verify: { ...draft.verify, expectStatus: Number(status) || 0 } }),
        )}
        {field('provider-pattern', 'Key format (regular expression, optional)', draft.keyPattern ?? '', (pattern) =>
          set({ keyPattern: pattern === '' ? null : pattern }),
        )}
        {field('provider-env', 'Env var', draft.envVar, (envVar) => set({ envVar }))}
        {field('provider-dashboard', 'Dashboard URL (optional)', draft.dashboardUrl ?? '', (url) =>
          set({ dashboardUrl: url === '' ? null : url }),
        )}
        <FormFooter error={error} onCancel={() => onClose(null)} submitLabel="Save provider" />
      </form>
    </Modal>
  )
}
