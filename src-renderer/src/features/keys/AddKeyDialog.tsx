import { useId, useRef, useState, type FormEvent } from 'react'
import type { KeySummary, ResponseOf } from '../../../../src-preload/contract'
import { errorInfo } from '../../lib/errors'
import { command } from '../../store/commands'
import { useRead } from '../../store/useRead'
import { FormFooter } from '../../components/FormFooter'
import { Modal } from '../../components/Modal'

const ENVIRONMENTS = ['development', 'staging', 'production'] as const

/** A variable name as a key name: STRIPE_SECRET_KEY → stripe-secret-key. */
function nameFromEnvVar(envVar: string | null): string {
  return envVar === null ? '' : envVar.toLowerCase().replace(/_/g, '-')
}

type ProviderChoice = ResponseOf<'providers:list'>['providers'][number]

/**
 * Add key: paste the value (a masked field) → main detects the provider, or the user chooses it (Solo and Mailosaur
 * keys have no recognisable format) → name and env var prefilled → the format check, with an explicit override. A
 * pair (AWS, Twilio) asks for its public id beside the secret. The value goes to main once, in `key:add`, and never
 * comes back.
 */
export function AddKeyDialog({ onClose, onAdded }: { readonly onClose: () => void; readonly onAdded: (key: KeySummary, duplicates: readonly string[]) => void }) {
  const titleId = useId()
  const [value, setValue] = useState('')
  const [detected, setDetected] = useState<{ provider: string | null; providerName: string | null } | null>(null)
  const [name, setName] = useState('')
  const [envVar, setEnvVar] = useState('')
  const [environment, setEnvironment] = useState<string>('development')
  const [expiresAt, setExpiresAt] = useState('')
  const [rotateEvery, setRotateEvery] = useState('')
  const [remindBefore, setRemindBefore] = useState('')
  const [tags, setTags] = useState('')
  const [notes, setNotes] = useState('')
  const [skipFormatCheck, setSkipFormatCheck] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const providers: readonly ProviderChoice[] = useRead('providers:list', {}).data?.providers ?? []
  const [chosen, setChosen] = useState('')
  const [pairId, setPairId] = useState('')
  /** Elastic Email: the account's key names (null: not asked yet; 'none': the key may not list them). */
  const [remoteNames, setRemoteNames] = useState<readonly string[] | 'none' | null>(null)
  const [remoteName, setRemoteName] = useState('')
  const detectSeq = useRef(0)

  const providerId = chosen !== '' ? chosen : (detected?.provider ?? null)
  const pairLabel = providers.find((provider) => provider.id === providerId)?.pairLabel ?? null

  /** Prefills what the provider suggests into the fields the user has left empty. */
  function prefill(found: { envVar: string | null; rotationDays: number | null }) {
    if (found.rotationDays !== null) setRotateEvery((current) => (current === '' ? String(found.rotationDays) : current))
    if (found.envVar !== null) {
      setEnvVar((current) => (current === '' ? (found.envVar ?? '') : current))
      setName((current) => (current === '' ? nameFromEnvVar(found.envVar) : current))
    }
  }

  function choose(id: string) {
    setChosen(id)
    const provider = providers.find((candidate) => candidate.id === id)
    if (provider !== undefined) prefill(provider)
  }

  async function detect(next: string) {
    setValue(next)
    setRemoteNames(null)
    setRemoteName('')
    const seq = ++detectSeq.current
    if (next.trim() === '') return setDetected(null)
    try {
      const found = await command('key:detect', { value: next })
      if (seq !== detectSeq.current) return
      setDetected({ provider: found.provider, providerName: found.providerName })
      prefill(found)
    } catch {
      if (seq === detectSeq.current) setDetected({ provider: null, providerName: null })
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    setError(null)
    const whole = (text: string) => (text.trim() === '' ? null : Number(text))
    const rotateEveryDays = whole(rotateEvery)
    const remindBeforeDays = whole(remindBefore)
    if ([rotateEveryDays, remindBeforeDays].some((days) => days !== null && !Number.isInteger(days))) {
      return setError('Rotate every and remind before take whole numbers of days (or stay empty).')
    }
    try {
      const { key, duplicates } = await command('key:add', {
        provider: providerId,
        name: name.trim(),
        envVar: envVar.trim() === '' ? null : envVar.trim(),
        environment,
        expiresAt: expiresAt === '' ? null : expiresAt,
        rotateEveryDays,
        remindBeforeDays,
        tags: tags.split(',').map((tag) => tag.trim()).filter((tag) => tag !== ''),
        notes,
        value: value.trim(),
        formatCheck: !skipFormatCheck,
        pairId: pairLabel === null ? null : pairId.trim(),
        remoteName: providerId === 'elastic-email' && remoteName !== '' ? remoteName : null,
      })
      setValue('')
      onAdded(key, duplicates)
    } catch (caught) {
      setError(errorInfo(caught).message)
    }
  }

  return (
    <Modal titleId={titleId} onClose={onClose}>
      <h2 id={titleId}>Add key</h2>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <label htmlFor="add-value">Key</label>
        <input
          id="add-value"
          type="password"
          autoComplete="off"
          spellCheck={false}
          autoFocus
          value={value}
          onChange={(event) => void detect(event.target.value)}
          aria-describedby="add-detected"
        />
        <p id="add-detected" className="muted" role="status">
          {detected === null ? 'Paste the key: Keyward recognises the provider.' : detected.providerName === null ? 'Unknown format: choose the provider below.' : `Detected: ${detected.providerName}`}
        </p>
        <label htmlFor="add-provider">Provider</label>
        <select id="add-provider" value={chosen} onChange={(event) => choose(event.target.value)}>
          <option value="">Detect from the key</option>
          {providers.map((provider) => (
            <option key={provider.id} value={provider.id}>
              {provider.name}
            </option>
          ))}
        </select>
        {pairLabel !== null && (
          <>
            <label htmlFor="add-pair-id">{`${pairLabel[0]?.toUpperCase() ?? ''}${pairLabel.slice(1)} (not secret; the key above is the secret)`}</label>
            <input id="add-pair-id" className="mono" value={pairId} onChange={(event) => setPairId(event.target.value)} autoComplete="off" spellCheck={false} />
          </>
        )}
        {providerId === 'elastic-email' && value.trim() !== '' ? (
          <RemoteNamePicker
            names={remoteNames}
            picked={remoteName}
            onFind={() =>
              command('key:remoteNames', { provider: 'elastic-email', value }).then(
                ({ names }) => setRemoteNames(names === null || names.length === 0 ? 'none' : names),
                (caught: unknown) => setError(errorInfo(caught).message),
              )
            }
            onPick={setRemoteName}
          />
        ) : null}
        <label htmlFor="add-name">Name</label>
        <input id="add-name" value={name} onChange={(event) => setName(event.target.value)} autoComplete="off" />
        <label htmlFor="add-env-var">Environment variable</label>
        <input id="add-env-var" className="mono" value={envVar} onChange={(event) => setEnvVar(event.target.value)} autoComplete="off" spellCheck={false} />
        <label htmlFor="add-environment">Environment</label>
        <select id="add-environment" value={environment} onChange={(event) => setEnvironment(event.target.value)}>
          {ENVIRONMENTS.map((option) => (
            <option key={option}>{option}</option>
          ))}
        </select>
        <label htmlFor="add-expires">Expires (optional)</label>
        <input id="add-expires" type="date" value={expiresAt} onChange={(event) => setExpiresAt(event.target.value)} />
        <label htmlFor="add-rotate">Rotate every (days)</label>
        <input id="add-rotate" inputMode="numeric" value={rotateEvery} onChange={(event) => setRotateEvery(event.target.value)} />
        <label htmlFor="add-remind">Remind before (days; empty = the vault&apos;s default)</label>
        <input id="add-remind" inputMode="numeric" value={remindBefore} onChange={(event) => setRemindBefore(event.target.value)} />
        <label htmlFor="add-tags">Tags (comma-separated)</label>
        <input id="add-tags" value={tags} onChange={(event) => setTags(event.target.value)} autoComplete="off" />
        <label htmlFor="add-notes">Notes</label>
        <textarea id="add-notes" value={notes} onChange={(event) => setNotes(event.target.value)} rows={2} />
        <label className="check">
          <input type="checkbox" checked={skipFormatCheck} onChange={(event) => setSkipFormatCheck(event.target.checked)} /> Store it even if it does not
          match the provider&apos;s key format
        </label>
        <FormFooter error={error} onCancel={onClose} submitLabel="Save key" />
      </form>
    </Modal>
  )
}

/**
 * Elastic Email manages keys by name (rotation and revocation need it): on request, main lists the account's key
 * names with the pasted key and the user says which one it is. Optional: without it, the key is stored all the same.
 */
function RemoteNamePicker({
  names,
  picked,
  onFind,
  onPick,
}: {
  readonly names: readonly string[] | 'none' | null
  readonly picked: string
  readonly onFind: () => void
  readonly onPick: (name: string) => void
}) {
  if (names === null)
    return (
      <p>
        <button type="button" onClick={onFind}>
          Find its name at Elastic Email
        </button>{' '}
        <span className="muted">(rotation by API needs it)</span>
      </p>
    )
  if (names === 'none') return <p className="muted">This key may not list the account&apos;s keys (a sending key): its name can be recorded later.</p>
  return (
    <>
      <label htmlFor="add-remote-name">Name at Elastic Email</label>
      <select id="add-remote-name" value={picked} onChange={(event) => onPick(event.target.value)}>
        <option value="">Not recorded</option>
        {names.map((name) => (
          <option key={name}>{name}</option>
        ))}
      </select>
    </>
  )
}
