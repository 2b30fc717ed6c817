import { describeUpdates, propagateValue, type FileUpdate } from '../dotenv/propagateValue'
import { beginGuidedJournal, proveOldRejected, recordGuidedStep, retireOldKey } from './apiRotation'
import { KeywardError } from '../errors'
import type { KeyId } from '../keys/keyId'
import { editKey, markRevoked, readKeyById, readSecretValue, setKeyValue } from '../keys/keyRepository'
import type { KeyRecord } from '../keys/keyRecord'
import { heldBefore } from '../keys/keyStore'
import type { VaultSession } from '../vault/VaultSession'
import { providerFor } from './customProviders'
import { verifyCandidate, verifyKey } from './keyOperations'
import { pairMetadata } from './newKeyDetails'
import type { ProviderDefinition } from './providerDefinition'
import type { HttpDeps } from './providerHttp'

/** How a key of this provider is rotated or revoked: by its API, guided through its dashboard, or not at all. */
export type Plan = 'api' | 'guided' | 'none'

export function rotationPlan(provider: ProviderDefinition | undefined): Plan {
  return provider?.capabilities.rotate ?? 'none'
}

export function revocationPlan(provider: ProviderDefinition | undefined): Plan {
  return provider?.capabilities.revoke ?? 'none'
}

/** Where the user goes and what they do there; each surface words the steps its own way. */
export interface DashboardStep {
  readonly provider: string
  /** Set for a pair: the new key's id must be given with the secret (e.g. "access key id"). */
  readonly pairLabel: string | null
  readonly dashboardUrl: string | null
  readonly sameEnvironment: string | null
  readonly advice: readonly string[]
}

export type GuidedRotationStep =
  | { readonly step: 'create-in-dashboard'; readonly dashboard: DashboardStep }
  | {
      readonly step: 'revoke-old-in-dashboard'
      readonly verified: string | null
      readonly files: readonly FileUpdate[]
    }
  | { readonly step: 'done'; readonly oldRevoked: boolean; readonly proof: string | null }

function providerOf(session: VaultSession, key: KeyRecord): ProviderDefinition {
  const provider = providerFor(session, key.provider)?.provider
  if (provider === undefined)
    throw new KeywardError(
      'UNSUPPORTED',
      `Keyward has no guided flow for ${key.provider} keys: store the new value yourself.`,
    )
  return provider
}

function dashboardOf(provider: ProviderDefinition, key: KeyRecord): DashboardStep {
  return {
    provider: provider.name,
    pairLabel: provider.pair?.label ?? null,
    dashboardUrl: provider.dashboardUrl,
    sameEnvironment: key.environment,
    advice: provider.advice,
  }
}

/**
 * A guided rotation, for providers whose keys are made in a dashboard: start (where to create the new key) →
 * submit the pasted candidate (verified with the provider *before* it is stored, so a typo never replaces a
 * working key; then stored as the new version, the old one retired, and written to every .env that held the old
 * value) → confirm the old key was deleted at the provider, which is then asked once more. Journaled as a rotation
 * by API is (apiRotation's journal, retire plan "dashboard"); the CLI drives it with prompts, the app with a dialog.
 */
export class GuidedRotation {
  private state: GuidedRotationStep

  private constructor(
    private readonly session: VaultSession,
    private readonly key: KeyRecord,
    private readonly provider: ProviderDefinition,
    private readonly http: HttpDeps,
  ) {
    this.state = { step: 'create-in-dashboard', dashboard: dashboardOf(provider, key) }
  }

  /**
   * `byValue`: the user made the new key themselves and hands it over (`keyward rotate REF --value-stdin`), so any
   * provider Keyward knows will do — the same checks, storage and propagation as a guided rotation.
   */
  static start(
    session: VaultSession,
    keyId: KeyId,
    http: HttpDeps,
    options: { byValue?: boolean } = {},
  ): GuidedRotation {
    const key = readKeyById(session, keyId)
    const provider = providerOf(session, key)
    if (options.byValue !== true && rotationPlan(provider) !== 'guided') {
      throw new KeywardError(
        'UNSUPPORTED',
        `${provider.name} keys are ${rotationPlan(provider) === 'api' ? 'rotated through its API' : 'not rotated by Keyward'}.`,
      )
    }
    // Journaled like a rotation by API: each step is recorded as it happens, so the window (after a lock or a
    // restart too) shows where it stands and finishes it with the same "retire" and "prove" steps.
    beginGuidedJournal(session, keyId)
    return new GuidedRotation(session, key, provider, http)
  }

  get current(): GuidedRotationStep {
    return this.state
  }

  /**
   * The pasted key — and, for a pair (AWS, Twilio), the new key's id, since the dashboard issues both anew —
   * verified before anything is stored. `settle.expiresAt`: the new key's expiry (null: none); by default a past
   * expiry is cleared and a future one kept.
   */
  async submitCandidate(
    candidate: string,
    pairId?: string,
    settle: { readonly expiresAt?: string | null } = {},
  ): Promise<GuidedRotationStep> {
    if (this.state.step !== 'create-in-dashboard') throw new KeywardError('CONFLICT', 'The new key was already stored.')
    const value = candidate.trim()
    if (value === '') throw new KeywardError('INVALID_INPUT', 'No new key pasted; nothing changed.')
    // The key the user already has (or had) is no new key: storing it, then "delete the old key at the provider",
    // would cost them their only live key. Refused by fingerprint, before the provider is asked or a file written.
    if (heldBefore(this.session, this.key.id, value)) {
      throw new KeywardError(
        'CONFLICT',
        `That is the key Keyward already has — create a new one at ${this.provider.name} first.`,
      )
    }
    const metadata =
      this.provider.pair === undefined ? null : { ...this.key.metadata, ...pairMetadata(this.provider, pairId ?? null) }
    const candidateKey = metadata === null ? this.key : { ...this.key, metadata }
    const canVerify = this.provider.capabilities.verify === 'api'
    const started = performance.now()
    const verified = canVerify ? await verifyCandidate(this.session, candidateKey, value, this.http) : null
    const { session, key, provider } = this
    recordGuidedStep(
      session,
      key.id,
      'create',
      started,
      'done',
      `You created a new key in ${provider.name}'s dashboard.`,
    )
    recordGuidedStep(
      session,
      key.id,
      'verify',
      started,
      canVerify ? 'done' : 'skipped',
      verified ?? `${provider.name} cannot check keys by API.`,
    )
    const oldValue = readSecretValue(session, key.id)
    setKeyValue(session, key.id, value, 'rotated (guided)', settle)
    if (metadata !== null) editKey(session, key.id, { metadata })
    if (canVerify) await verifyKey(session, key.id, this.http)
    recordGuidedStep(
      session,
      key.id,
      'store',
      started,
      'done',
      'Stored as the current value; the old one is kept as retired.',
    )
    const files = propagateValue(session, key.id, oldValue, value)
    const message = files.length === 0 ? 'No .env file held the key.' : describeUpdates(files).trim()
    recordGuidedStep(session, key.id, 'propagate', started, 'done', message)
    this.state = { step: 'revoke-old-in-dashboard', verified, files }
    return this.state
  }

  /**
   * The user deleted (or did not delete) the old key in the dashboard. When they did, it is recorded (and audited)
   * and the old key is asked once more where the provider can be: `proof` is its answer.
   */
  async confirmOldRevoked(done: boolean): Promise<GuidedRotationStep> {
    if (this.state.step !== 'revoke-old-in-dashboard') throw new KeywardError('CONFLICT', 'Store the new key first.')
    if (!done) return (this.state = { step: 'done', oldRevoked: false, proof: null })
    await retireOldKey(this.session, this.key.id, this.http, { confirmed: true })
    const proved = await proveOldRejected(this.session, this.key.id, this.http)
    const proof = proved.log.findLast((entry) => entry.step === 'prove')?.message ?? null
    this.state = { step: 'done', oldRevoked: true, proof }
    return this.state
  }
}

/** A guided revocation: where to revoke, then (once the user says it is done) the key is marked revoked. */
export function guidedRevocationStep(
  session: VaultSession,
  keyId: KeyId,
): { key: KeyRecord; dashboard: DashboardStep } {
  const key = readKeyById(session, keyId)
  const provider = providerOf(session, key)
  if (revocationPlan(provider) !== 'guided')
    throw new KeywardError('UNSUPPORTED', `${provider.name} keys are not revoked in a dashboard.`)
  return { key, dashboard: dashboardOf(provider, key) }
}

export function confirmGuidedRevocation(session: VaultSession, keyId: KeyId): KeyRecord {
  return markRevoked(session, keyId, 'guided')
}
