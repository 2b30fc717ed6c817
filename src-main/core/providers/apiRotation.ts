import { parse } from 'dotenv'
import { deleteJournalRow, readJournalRow, writeJournalRow, type JournalRow } from './rotationStore'
import { maskValue } from '../dotenv/maskValue'
import { describeUpdates, propagateValue } from '../dotenv/propagateValue'
import { keyUsages } from '../dotenv/usageStore'
import { trackedText } from '../dotenv/usages'
import { KeywardError, vaultLocked } from '../errors'
import type { KeyId } from '../keys/keyId'
import { readKeyById, readSecretValue, setKeyValue } from '../keys/keyRepository'
import { currentValueSince, latestRetiredValue, storeProviderResult } from '../keys/keyStore'
import { recordEvent } from '../vault/audit'
import type { VaultSession } from '../vault/VaultSession'
import type { Rotation } from './adapters/adapter'
import {
  apiFunction,
  audited,
  callWith,
  checkIssuedKey,
  contextOf,
  recordOutcome,
  target,
  verifyCandidate,
  type KeyOperation,
  type RotationDeps,
} from './keyOperations'
import { providerFor } from './customProviders'
import { clearPendingRotation, readPendingRotation, writePendingRotation } from './pendingRotations'
import type { HttpDeps } from './providerHttp'

/**
 * A rotation by the provider's API as a journaled step machine (UI.md §4.10): the new key is created at the
 * provider → verified → stored as the current version → written to the .env files that held the old value (the
 * user picks which) → the old key retired at the provider → proven dead (verified again, expecting a rejection).
 * Each step is one call and one journal update, so a lock, quit or crash resumes at the step that was next; the
 * new value waits sealed in its pending record until stored (and an unlock stores it if the app died first).
 * The window runs the steps one at a time; `keyward rotate` runs them in a row.
 */
export const ROTATION_STEPS = ['create', 'verify', 'store', 'propagate', 'retire', 'prove'] as const
export type RotationStep = (typeof ROTATION_STEPS)[number]

/** How the old key goes: the adapter's own call, a revocation by API, already by the rotation, or by hand. */
export type RetirePlan = 'api' | 'revoke' | 'by-rotation' | 'dashboard'

export interface StepLog {
  readonly step: RotationStep
  readonly at: string
  readonly ms: number
  readonly outcome: 'done' | 'skipped' | 'failed'
  readonly message: string
}

export interface RotationJournal {
  readonly keyId: KeyId
  readonly next: RotationStep | 'done'
  readonly retire: RetirePlan
  readonly startedAt: string
  readonly log: readonly StepLog[]
}

/** The adapter's "delete the old key" (it may hold what it learnt while rotating); kept in memory only. */
export type RetireOld = NonNullable<Rotation['retireOld']>

/** Steps that may be skipped: storing without a verification, keeping the old key, not proving it dead. */
const SKIPPABLE: readonly RotationStep[] = ['verify', 'retire', 'prove']

/** A stored row as the journal: save() wrote its step and plan from these types. */
function toJournal(row: JournalRow): RotationJournal {
  const next = row.next_step as RotationStep | 'done'
  const retire = row.retire as RetirePlan
  return { keyId: row.key_id, next, retire, startedAt: row.started_at, log: JSON.parse(row.log) as StepLog[] }
}

function save(session: VaultSession, journal: RotationJournal): RotationJournal {
  const row = {
    key_id: journal.keyId,
    next_step: journal.next,
    retire: journal.retire,
    started_at: journal.startedAt,
    log: JSON.stringify(journal.log),
  }
  writeJournalRow(session, row, session.clock.now().toISOString())
  return journal
}

function following(step: RotationStep): RotationStep | 'done' {
  return ROTATION_STEPS[ROTATION_STEPS.indexOf(step) + 1] ?? 'done'
}

/** Appends a step's outcome; a done or skipped step moves the journal on, a failed one stays for Retry or Skip. */
function record(
  session: VaultSession,
  journal: RotationJournal,
  step: RotationStep,
  started: number,
  outcome: StepLog['outcome'],
  message: string,
): RotationJournal {
  const entry: StepLog = {
    step,
    at: session.clock.now().toISOString(),
    ms: Math.round(performance.now() - started),
    outcome,
    message,
  }
  const log = [...journal.log.filter((old) => !(old.step === step && old.outcome === 'failed')), entry]
  return save(session, { ...journal, log, next: outcome === 'failed' ? journal.next : following(step) })
}

/**
 * The journal of the key's rotation, or null. A new value that an unlock stored from its pending record (the app
 * stopped between creating and storing) moves the journal past "store": nothing is asked twice.
 */
export function rotationJournal(session: VaultSession, keyId: KeyId): RotationJournal | null {
  const row = readJournalRow(session, keyId)
  if (row === undefined) return null
  const journal = toJournal(row)
  if ((journal.next === 'verify' || journal.next === 'store') && readPendingRotation(session, keyId) === null) {
    const since = currentValueSince(session, keyId)?.since ?? ''
    if (since >= journal.startedAt) {
      const entry = (step: RotationStep, outcome: StepLog['outcome'], message: string): StepLog => ({
        step,
        at: since,
        ms: 0,
        outcome,
        message,
      })
      const log = [
        ...journal.log,
        ...(journal.next === 'verify'
          ? [entry('verify', 'skipped', 'Not verified: the rotation was interrupted first.')]
          : []),
        entry('store', 'done', 'Stored when the vault was unlocked after the interruption.'),
      ]
      return save(session, { ...journal, next: 'propagate', log })
    }
  }
  return journal
}

function journalAt(session: VaultSession, keyId: KeyId, step: RotationStep): RotationJournal {
  const journal = rotationJournal(session, keyId)
  if (journal === null) throw new KeywardError('CONFLICT', 'No rotation of this key is under way; start one.')
  if (journal.next !== step) throw new KeywardError('CONFLICT', `This rotation is at "${journal.next}", not "${step}".`)
  return journal
}

/** The new value: pending until stored. */
function newValueOf(session: VaultSession, keyId: KeyId): string {
  const pending = readPendingRotation(session, keyId)
  if (pending === null)
    throw new KeywardError('CONFLICT', 'The new value is not in its pending record: see `keyward doctor`.')
  return pending.value
}

function oldValueOf(session: VaultSession, keyId: KeyId): string {
  const old = latestRetiredValue(session, keyId)
  if (old === undefined) throw new KeywardError('CONFLICT', "The old value is not in the key's history.")
  return old
}

/**
 * Step 1: the provider issues the new key. Sent once (not idempotent: an abort is honoured only before it is sent);
 * the answer is written sealed to the pending record before the journal says so.
 */
export async function startRotation(
  session: VaultSession,
  id: KeyId,
  deps: RotationDeps,
): Promise<{ journal: RotationJournal; retireOld: RetireOld | null }> {
  // A new value waiting for its verification or storage must never be overwritten; once it is stored, what is left
  // of an unfinished rotation (files, the old key) may be abandoned for a new one.
  const current = rotationJournal(session, id)
  if (current?.next === 'verify' || current?.next === 'store') {
    throw new KeywardError(
      'CONFLICT',
      `A rotation of this key is under way: its new key waits to be ${current.next === 'verify' ? 'verified' : 'stored'}. Resume it in the window.`,
    )
  }
  const t = target(session, id, deps, 'rotate')
  const rotate = apiFunction(t, 'rotate', t.adapter.rotate)
  if (deps.signal?.aborted === true) throw vaultLocked()
  const { signal: _signal, ...unabortable } = deps
  const started = performance.now()
  return audited(session, t, 'rotated', async () => {
    const rotation = await rotate(
      callWith(t.provider, readSecretValue(session, id), unabortable, t.context),
      t.key,
      t.context,
    )
    checkIssuedKey(t.provider, rotation.newValue)
    writePendingRotation(session, id, rotation.newValue)
    recordOutcome(session, t, 'rotated', 'ok', rotation.metadata)
    const fresh: RotationJournal = {
      keyId: id,
      next: 'create',
      retire: rotation.retireOld === undefined ? 'by-rotation' : 'api',
      startedAt: session.clock.now().toISOString(),
      log: [],
    }
    const journal = record(
      session,
      fresh,
      'create',
      started,
      'done',
      `${t.provider.name} issued a new key (…${rotation.newValue.slice(-4)}).`,
    )
    return { journal, retireOld: rotation.retireOld ?? null }
  })
}

/** Step 2: the new key, checked with the provider before it is stored. */
export async function verifyNewKey(session: VaultSession, id: KeyId, deps: HttpDeps): Promise<RotationJournal> {
  const journal = journalAt(session, id, 'verify')
  const key = readKeyById(session, id)
  const started = performance.now()
  try {
    const summary = await verifyCandidate(session, key, newValueOf(session, id), deps)
    return record(session, journal, 'verify', started, 'done', summary)
  } catch (error) {
    if (!(error instanceof KeywardError) || error.code === 'VAULT_LOCKED') throw error
    return record(session, journal, 'verify', started, 'failed', error.message)
  }
}

/** Step 3: stored as the current version, the old one retired in the key's history; the pending record goes. */
export function storeNewKey(
  session: VaultSession,
  id: KeyId,
  deps: Pick<RotationDeps, 'storeNewValue'> = {},
): RotationJournal {
  const journal = journalAt(session, id, 'store')
  const pending = readPendingRotation(session, id)
  if (pending === null)
    throw new KeywardError('CONFLICT', 'The new value is not in its pending record: see `keyward doctor`.')
  const started = performance.now()
  try {
    ;(deps.storeNewValue ?? ((s, i, v) => void setKeyValue(s, i, v, 'rotated by API')))(session, id, pending.value)
  } catch {
    const key = readKeyById(session, id)
    const provider = providerFor(session, key.provider)?.provider.name ?? key.provider
    throw new KeywardError(
      'PROVIDER_ERROR',
      `${provider} rotated the key but storing the new value failed. It is kept sealed in ${pending.file} and will be applied at the next unlock; the old key no longer works.`,
    )
  }
  clearPendingRotation(pending.file)
  // A new value clears the provider's last answer; the verify step just asked about this very value.
  if (journal.log.some((entry) => entry.step === 'verify' && entry.outcome === 'done')) {
    storeProviderResult(session, id, 'ok', {}, session.clock.now().toISOString())
  }
  return record(
    session,
    journal,
    'store',
    started,
    'done',
    'Stored as the current value; the old one is kept as retired.',
  )
}

export interface PropagationRow {
  readonly file: string
  readonly variable: string
  /** will-update: holds the old value; current: already the new one; changed-by-hand: neither; missing: gone. */
  readonly state: 'will-update' | 'current' | 'changed-by-hand' | 'missing'
  readonly before: string | null
  readonly after: string
}

/** Step 4's preview: every file the key was written to, and what writing the new value would change (masked). */
export function propagationPreview(session: VaultSession, id: KeyId): PropagationRow[] {
  journalAt(session, id, 'propagate')
  const newValue = readSecretValue(session, id)
  const oldValue = oldValueOf(session, id)
  return keyUsages(session, id).map(({ file, variable }): PropagationRow => {
    const after = maskValue(newValue)
    const text = trackedText(file)
    if (text === null) return { file, variable, state: 'missing', before: null, after }
    const current = parse(text)[variable]
    const before = current === undefined ? null : maskValue(current)
    const state = current === newValue ? 'current' : current === oldValue ? 'will-update' : 'changed-by-hand'
    return { file, variable, state, before, after }
  })
}

/** Step 4: the new value written (atomically, format kept) to the chosen files that still hold the old one. */
export function propagateRotation(
  session: VaultSession,
  id: KeyId,
  chosen: readonly { file: string; variable: string }[],
): RotationJournal {
  const journal = journalAt(session, id, 'propagate')
  const started = performance.now()
  const wanted = new Set(chosen.map(({ file, variable }) => `${variable}\0${file}`))
  const updates = propagateValue(session, id, oldValueOf(session, id), readSecretValue(session, id), (file, variable) =>
    wanted.has(`${variable}\0${file}`),
  )
  const message = updates.length === 0 ? 'No .env file held the key.' : describeUpdates(updates).trim()
  return record(
    session,
    journal,
    'propagate',
    started,
    updates.some((update) => update.outcome === 'failed') ? 'failed' : 'done',
    message,
  )
}

/**
 * Step 5: the old key goes. The adapter's own call when this process still holds it; after a lock or restart, a
 * revocation by API with the old value where the provider has one; else the user deletes it in the dashboard and
 * says so (`confirmed`). Where the rotation itself retired the old key (GitLab), there is nothing to send.
 */
export async function retireOldKey(
  session: VaultSession,
  id: KeyId,
  deps: HttpDeps,
  options: { retireOld?: RetireOld | null; confirmed?: boolean } = {},
): Promise<RotationJournal> {
  const journal = journalAt(session, id, 'retire')
  const started = performance.now()
  // Deleted by hand: no provider call (a guided provider may have no adapter at all), only the user's word, audited.
  if (journal.retire === 'dashboard') {
    if (options.confirmed !== true) return journal
    const key = readKeyById(session, id)
    recordEvent(session, 'old-key-deleted', { keyId: id, keyRef: key.ref }, { where: 'dashboard' })
    return record(session, journal, 'retire', started, 'done', 'You deleted the old key in the dashboard.')
  }
  const t = target(session, id, deps, 'rotate')
  const oldValue = oldValueOf(session, id)
  const oldCall = callWith(t.provider, oldValue, deps, contextOf(t.provider, t.adapter, t.key, oldValue))
  const plan: RetirePlan =
    journal.retire !== 'api' || options.retireOld
      ? journal.retire
      : t.provider.capabilities.revoke === 'api' && t.adapter.revoke !== undefined
        ? 'revoke'
        : 'dashboard'
  try {
    if (plan === 'by-rotation')
      return record(
        session,
        journal,
        'retire',
        started,
        'done',
        `${t.provider.name} retired the old key with the rotation.`,
      )
    if (plan === 'dashboard') {
      if (options.confirmed !== true) return save(session, { ...journal, retire: 'dashboard' })
      recordEvent(session, 'old-key-deleted', { keyId: id, keyRef: t.key.ref }, { where: 'dashboard' })
      return record(
        session,
        { ...journal, retire: 'dashboard' },
        'retire',
        started,
        'done',
        'You deleted the old key in the dashboard.',
      )
    }
    if (plan === 'api' && options.retireOld) await options.retireOld({ withNewKey: t.call, withOldKey: oldCall })
    else await t.adapter.revoke?.(oldCall, t.key, t.context)
    return record(
      session,
      { ...journal, retire: plan },
      'retire',
      started,
      'done',
      `${t.provider.name} deleted the old key.`,
    )
  } catch (error) {
    if (!(error instanceof KeywardError) || error.code === 'VAULT_LOCKED') throw error
    return record(session, { ...journal, retire: plan }, 'retire', started, 'failed', error.message)
  }
}

function canAsk(session: VaultSession, id: KeyId): boolean {
  return providerFor(session, readKeyById(session, id).provider)?.provider.capabilities.verify === 'api'
}

/** What the provider says of the key's previous value: rejected (dead), still accepted, or not known (and why). */
export async function checkOldValue(
  session: VaultSession,
  id: KeyId,
  deps: HttpDeps,
): Promise<{ outcome: 'rejected' | 'live' | 'unknown'; message: string }> {
  const key = readKeyById(session, id)
  const provider = providerFor(session, key.provider)?.provider
  if (provider?.capabilities.verify !== 'api')
    return { outcome: 'unknown', message: `${provider?.name ?? key.provider} cannot be asked by API.` }
  try {
    await verifyCandidate(session, key, oldValueOf(session, id), deps)
    return {
      outcome: 'live',
      message: `${provider.name} still accepts the old key. Some providers take a minute: retry, or delete it in the dashboard.`,
    }
  } catch (error) {
    if (!(error instanceof KeywardError) || error.code === 'VAULT_LOCKED') throw error
    if (error.code === 'KEY_REJECTED')
      return { outcome: 'rejected', message: `${error.message.replace(/\.$/, '')}: the old key is dead.` }
    return { outcome: 'unknown', message: error.message }
  }
}

/** Step 6: the old value verified again; the provider must reject it. A live old key is a failed step (Retry). */
export async function proveOldRejected(session: VaultSession, id: KeyId, deps: HttpDeps): Promise<RotationJournal> {
  const journal = journalAt(session, id, 'prove')
  const started = performance.now()
  const checked = await checkOldValue(session, id, deps)
  // A provider that cannot be asked leaves nothing to retry: the step is skipped, and says why.
  const outcome =
    checked.outcome === 'rejected'
      ? 'done'
      : checked.outcome === 'unknown' && !canAsk(session, id)
        ? 'skipped'
        : 'failed'
  return record(session, journal, 'prove', started, outcome, checked.message)
}

/**
 * The journal of a guided rotation (the provider has no rotation API): the user creates the new key in the dashboard
 * and deletes the old one there. It starts at "create", waiting for the paste; GuidedRotation records each step as
 * it happens, and the stepper's "retire" and "prove" finish it as for a rotation by API — after a lock or a restart
 * too.
 */
export function beginGuidedJournal(session: VaultSession, id: KeyId): RotationJournal {
  return save(session, {
    keyId: id,
    next: 'create',
    retire: 'dashboard',
    startedAt: session.clock.now().toISOString(),
    log: [],
  })
}

/** Records a guided rotation's step (the journal must be at it). */
export function recordGuidedStep(
  session: VaultSession,
  id: KeyId,
  step: RotationStep,
  started: number,
  outcome: StepLog['outcome'],
  message: string,
): RotationJournal {
  // The journal as stored: a guided rotation has no pending record, so rotationJournal's catch-up does not apply.
  const row = readJournalRow(session, id)
  const journal = row === undefined ? null : toJournal(row)
  if (journal?.next !== step)
    throw new KeywardError('CONFLICT', `This rotation is at "${journal?.next ?? 'nothing'}", not "${step}".`)
  return record(session, journal, step, started, outcome, message)
}

/** Skips the journal's next step where that is safe (verify, retire, prove); never creating or storing. */
export function skipRotationStep(session: VaultSession, id: KeyId): RotationJournal {
  const journal = rotationJournal(session, id)
  if (journal === null || journal.next === 'done' || !SKIPPABLE.includes(journal.next)) {
    throw new KeywardError('CONFLICT', 'Only verifying, retiring and proving may be skipped.')
  }
  const messages: Record<string, string> = {
    verify: 'Stored without a verification.',
    retire: 'The old key was left at the provider.',
    prove: 'Not checked.',
  }
  return record(session, journal, journal.next, performance.now(), 'skipped', messages[journal.next] ?? '')
}

/**
 * `keyward rotate`: every step in a row — the .env files that held the old value all updated, a failed verification
 * or retirement reported (the new key is stored either way: the old one may already be dead), and a deleted old key
 * verified once more, the provider's answer in the summary. The journal is cleared at the end.
 */
export async function rotateKey(session: VaultSession, id: KeyId, deps: RotationDeps): Promise<KeyOperation> {
  const { retireOld } = await startRotation(session, id, deps)
  const { signal: _signal, ...unabortable } = deps
  const verified = await verifyNewKey(session, id, unabortable)
  // Stored all the same (the old key may already be dead); the summary says the check failed.
  const unverified =
    verified.next === 'verify' ? ` The new key could not be verified: ${verified.log.at(-1)?.message ?? ''}` : ''
  if (unverified !== '') skipRotationStep(session, id)
  storeNewKey(session, id, deps)
  let journal = propagateRotation(session, id, propagationPreview(session, id))
  const files = journal.log.find((entry) => entry.step === 'propagate')?.message ?? ''
  // A file that could not be written is listed in the summary; the rotation goes on (the key is stored).
  if (journal.next === 'propagate') journal = save(session, { ...journal, next: 'retire' })
  const provider = providerFor(session, readKeyById(session, id).provider)?.provider.name ?? 'The provider'
  let summary = `${provider} issued a new key; it is stored and the old value is kept as retired.${unverified}${files.startsWith('Files:') ? ` ${files}` : ''}`
  if (journal.retire === 'api') {
    journal = await retireOldKey(session, id, unabortable, { retireOld })
    const retired = journal.log.find((entry) => entry.step === 'retire')
    if (retired?.outcome === 'done') {
      // The window's last step too: the old value asked once more, so "deleted" is the provider's word, not ours.
      journal = await proveOldRejected(session, id, unabortable)
      summary += ` The old key was deleted at the provider. ${journal.log.find((entry) => entry.step === 'prove')?.message ?? ''}`
    } else {
      summary += ` Deleting the old key at the provider failed (${retired?.message ?? 'error'}): delete it in the dashboard.`
    }
  }
  deleteJournalRow(session, id)
  return { key: readKeyById(session, id), summary }
}
