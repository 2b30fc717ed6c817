import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import type { KeySummary, ResponseOf } from '../../../../src-preload/contract'
import { errorInfo } from '../../lib/errors'
import { command } from '../../store/commands'
import { useRead } from '../../store/useRead'
import { FieldError, formErrorOf, invalidProps, type FormError } from '../../components/FieldError'
import { FormFooter } from '../../components/FormFooter'
import { Modal } from '../../components/Modal'

const ENVIRONMENTS = ['development', 'staging', 'production'] as const

/** A variable name as a key name: STRIPE_SECRET_KEY → stripe-secret-key. */
function nameFromEnvVar(envVar: string | null): string {
  return envVar === null ? '' : envVar.toLowerCase().replace(/_/g, '-')
}

type ProviderChoice = ResponseOf<'providers:list'>['providers'][number]
type Detected = Pick<ResponseOf<'key:detect'>, 'provider' | 'providerName' | 'kind' | 'storedAs'>

/** Each request field's input, so an error about it is shown beside it and the field focused. */
const FIELD_IDS: Readonly<Record<string, string>> = {
  value: 'add-value',
  provider: 'add-provider',
  pairId: 'add-pair-id',
  name: 'add-name',
  envVar: 'add-env-var',
  environment: 'add-environment',
  expiresAt: 'add-expires',
  rotateEveryDays: 'add-rotate',
  remindBeforeDays: 'add-remind',
  tags: 'add-tags',
  notes: 'add-notes',
}

function detectedText(detected: Detected | null): string {
  if (detected === null) return 'Paste the key: Keyward recognises the provider.'
  if (detected.providerName === null) return 'Unknown format: choose the provider below.'
  return `Detected: ${detected.providerName}${detected.kind === null ? '' : ` · ${detected.kind}`}`
}

/**
 * Add key: paste the value (a masked field) → main detects the provider, or the user chooses it (Solo and Mailosaur
 * keys have no recognisable format) → name and env var prefilled → the format check, with an explicit override. A
 * pair (AWS, Twilio) asks for its public id beside the secret. The value goes to main once, in `key:add`, and never
 * comes back.
 */
export function AddKeyDialog({
  initialValue = '',
  onClose,
  onAdded,
  onOpen,
}: {
  /** A value pasted into the window (no field focused): the dialog opens with it, detected at once. */
  readonly initialValue?: string
  readonly onClose: () => void
  readonly onAdded: (key: KeySummary, duplicates: readonly string[]) => void
  /** "Open it": the key that already holds the pasted value. */
  readonly onOpen: (id: string) => void
}) {
  const titleId = useId()
  const [value, setValue] = useState('')
  const [detected, setDetected] = useState<Detected | null>(null)
  /** The user chose to store a value another key already holds. */
  const [storeAnyway, setStoreAnyway] = useState(false)
  /** The user picked the environment: a detected live or test key no longer changes it. */
  const [environmentChosen, setEnvironmentChosen] = useState(false)
  const [name, setName] = useState('')
  const [envVar, setEnvVar] = useState('')
  const [environment, setEnvironment] = useState<string>('development')
  const [expiresAt, setExpiresAt] = useState('')
  const [rotateEvery, setRotateEvery] = useState('')
  const [remindBefore, setRemindBefore] = useState('')
  const [tags, setTags] = useState('')
  const [notes, setNotes] = useState('')
  const [skipFormatCheck, setSkipFormatCheck] = useState(false)
  const [error, setFormError] = useState<FormError | null>(null)
  /** Shows the error beside its field (or at the foot of the form) and focuses the field at fault. */
  function setError(next: FormError | string | null) {
    const shown = typeof next === 'string' ? { message: next, field: null } : next
    setFormError(shown)
    const id = shown?.field === null || shown === null ? undefined : FIELD_IDS[shown.field]
    if (id !== undefined) requestAnimationFrame(() => document.getElementById(id)?.focus())
  }
  const errorId = useId()
  const providers: readonly ProviderChoice[] = useRead('providers:list', {}).data?.providers ?? []
  const [chosen, setChosen] = useState('')
  const [pairId, setPairId] = useState('')
  /** Elastic Email: the account's key names (null: not asked yet; 'none': the key may not list them). */
  const [remoteNames, setRemoteNames] = useState<readonly string[] | 'none' | null>(null)
  const [remoteName, setRemoteName] = useState('')
  const detectSeq = useRef(0)
  const pasted = useRef(initialValue)
  useEffect(() => {
    // Once, at open: the pasted value is detected as if pasted into the field.
    if (pasted.current !== '') void detect(pasted.current)
    pasted.current = ''
    // eslint-disable-next-line react-hooks/exhaustive-deps -- detect is this render's; it runs once, at open
  }, [])

  const providerId = chosen !== '' ? chosen : (detected?.provider ?? null)
  const pairLabel = providers.find((provider) => provider.id === providerId)?.pairLabel ?? null

  /** Prefills what the provider suggests into the fields the user has left empty. */
  function prefill(found: { envVar: string | null; rotationDays: number | null }) {
    if (found.rotationDays !== null)
      setRotateEvery((current) => (current === '' ? String(found.rotationDays) : current))
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
    setStoreAnyway(false)
    const seq = ++detectSeq.current
    if (next.trim() === '') return setDetected(null)
    try {
      const found = await command('key:detect', { value: next })
      if (seq !== detectSeq.current) return
      setDetected(found)
      prefill(found)
      // A live key defaults to production, a test key to development, until the user picks the environment.
      if (found.environment !== null && !environmentChosen) setEnvironment(found.environment)
    } catch {
      if (seq === detectSeq.current) setDetected({ provider: null, providerName: null, kind: null, storedAs: null })
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    setError(null)
    const whole = (text: string) => (text.trim() === '' ? null : Number(text))
    const rotateEveryDays = whole(rotateEvery)
    const remindBeforeDays = whole(remindBefore)
    if ([rotateEveryDays, remindBeforeDays].some((days) => days !== null && !Number.isInteger(days))) {
      const field =
        rotateEveryDays !== null && !Number.isInteger(rotateEveryDays) ? 'rotateEveryDays' : 'remindBeforeDays'
      return setError({ message: 'A whole number of days, or leave it empty.', field })
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
        tags: tags
          .split(',')
          .map((tag) => tag.trim())
          .filter((tag) => tag !== ''),
        notes,
        value: value.trim(),
        formatCheck: !skipFormatCheck,
        pairId: pairLabel === null ? null : pairId.trim(),
        remoteName: providerId === 'elastic-email' && remoteName !== '' ? remoteName : null,
      })
      setValue('')
      onAdded(key, duplicates)
    } catch (caught) {
      setError(formErrorOf(errorInfo(caught)))
    }
  }

  const duplicate = detected?.storedAs ?? null
  const field = (name: string) => invalidProps(error, name, errorId)
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
          {...field('value')}
        />
        <FieldError error={error} field="value" id={errorId} />
        <p id="add-detected" className="muted" role="status">
          {detectedText(detected)}
        </p>
        {duplicate === null || storeAnyway ? null : (
          // Said before saving, as 1Password and Bitwarden do for a password already saved.
          <div className="notice" role="group" aria-label="Already stored">
            <span>{`Already stored as ${duplicate.ref}.`}</span>{' '}
            <button type="button" onClick={() => onOpen(duplicate.id)}>
              Open it
            </button>{' '}
            <button type="button" onClick={() => setStoreAnyway(true)}>
              Store anyway
            </button>
          </div>
        )}
        <label htmlFor="add-provider">Provider</label>
        <select
          id="add-provider"
          value={chosen}
          onChange={(event) => choose(event.target.value)}
          {...field('provider')}
        >
          <option value="">Detect from the key</option>
          {providers.map((provider) => (
            <option key={provider.id} value={provider.id}>
              {provider.name}
            </option>
          ))}
        </select>
        <FieldError error={error} field="provider" id={errorId} />
        {pairLabel !== null && (
          <>
            <label htmlFor="add-pair-id">{`${pairLabel[0]?.toUpperCase() ?? ''}${pairLabel.slice(1)} (not secret; the key above is the secret)`}</label>
            <input
              id="add-pair-id"
              className="mono"
              value={pairId}
              onChange={(event) => setPairId(event.target.value)}
              autoComplete="off"
              spellCheck={false}
              {...field('pairId')}
            />
            <FieldError error={error} field="pairId" id={errorId} />
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
        <input
          id="add-name"
          value={name}
          onChange={(event) => setName(event.target.value)}
          autoComplete="off"
          {...field('name')}
        />
        <FieldError error={error} field="name" id={errorId} />
        <label htmlFor="add-env-var">Environment variable</label>
        <input
          id="add-env-var"
          className="mono"
          value={envVar}
          onChange={(event) => setEnvVar(event.target.value)}
          autoComplete="off"
          spellCheck={false}
          {...field('envVar')}
        />
        <FieldError error={error} field="envVar" id={errorId} />
        <label htmlFor="add-environment">Environment</label>
        <select
          id="add-environment"
          value={environment}
          onChange={(event) => {
            setEnvironmentChosen(true)
            setEnvironment(event.target.value)
          }}
          {...field('environment')}
        >
          {ENVIRONMENTS.map((option) => (
            <option key={option}>{option}</option>
          ))}
        </select>
        <label htmlFor="add-expires">Expires (optional)</label>
        <input
          id="add-expires"
          type="date"
          value={expiresAt}
          onChange={(event) => setExpiresAt(event.target.value)}
          {...field('expiresAt')}
        />
        <FieldError error={error} field="expiresAt" id={errorId} />
        <label htmlFor="add-rotate">Rotate every (days)</label>
        <input
          id="add-rotate"
          inputMode="numeric"
          value={rotateEvery}
          onChange={(event) => setRotateEvery(event.target.value)}
          {...field('rotateEveryDays')}
        />
        <FieldError error={error} field="rotateEveryDays" id={errorId} />
        <label htmlFor="add-remind">Remind before (days; empty = the vault&apos;s default)</label>
        <input
          id="add-remind"
          inputMode="numeric"
          value={remindBefore}
          onChange={(event) => setRemindBefore(event.target.value)}
          {...field('remindBeforeDays')}
        />
        <FieldError error={error} field="remindBeforeDays" id={errorId} />
        <label htmlFor="add-tags">Tags (comma-separated)</label>
        <input
          id="add-tags"
          value={tags}
          onChange={(event) => setTags(event.target.value)}
          autoComplete="off"
          {...field('tags')}
        />
        <FieldError error={error} field="tags" id={errorId} />
        <label htmlFor="add-notes">Notes</label>
        <textarea
          id="add-notes"
          value={notes}
          onChange={(event) => setNotes(event.target.value)}
          rows={2}
          {...field('notes')}
        />
        <FieldError error={error} field="notes" id={errorId} />
        <label className="check">
          <input
            type="checkbox"
            checked={skipFormatCheck}
            onChange={(event) => setSkipFormatCheck(event.target.checked)}
          />{' '}
          Store it even if it does not match the provider&apos;s key format
        </label>
        <FormFooter
          error={error === null || error.field !== null ? null : error.message}
          onCancel={onClose}
          submitLabel="Save key"
          disabled={duplicate !== null && !storeAnyway}
        />
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
  if (names === 'none')
    return (
      <p className="muted">
        This key may not list the account&apos;s keys (a sending key): its name can be recorded later.
      </p>
    )
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
