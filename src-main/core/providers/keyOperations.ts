import { KeywardError, providerErrorCodes } from '../errors'
import type { KeyRecord } from '../keys/keyRecord'
import { markRevoked, readKeyById, readSecretValue } from '../keys/keyRepository'
import type { KeyId } from '../keys/keyId'
import { storeProviderResult } from '../keys/keyStore'
import { recordEvent } from '../vault/audit'
import type { VaultSession } from '../vault/VaultSession'
import type { KeyContext, ProviderAdapter, ProviderCall } from './adapters/adapter'
import { providerFor } from './customProviders'
import { pairIdOf, variantOf, type ProviderDefinition } from './providerDefinition'
import { providerRequest, type HttpDeps } from './providerHttp'

export interface KeyOperation {
  readonly key: KeyRecord
  readonly summary: string
}

export interface Target {
  readonly id: KeyId
  readonly key: KeyRecord
  readonly provider: ProviderDefinition
  readonly adapter: ProviderAdapter
  readonly call: ProviderCall
  readonly context: KeyContext
}

/** A pair's recorded id, or the id inside the value (SendGrid): what the adapter may know besides the record. */
export function contextOf(
  provider: ProviderDefinition,
  adapter: ProviderAdapter,
  key: KeyRecord,
  value: string,
): KeyContext {
  return {
    publicId: pairIdOf(provider, key.metadata) ?? adapter.publicIdOf?.(value) ?? null,
    variant: variantOf(provider, value.trim())?.label ?? null,
    region: typeof key.metadata.region === 'string' && key.metadata.region !== '' ? key.metadata.region : null,
  }
}

export function callWith(
  provider: ProviderDefinition,
  value: string,
  deps: HttpDeps,
  context: KeyContext,
): ProviderCall {
  return (options) =>
    providerRequest(
      provider,
      { ...options, key: value, keyId: context.publicId ?? undefined, region: context.region ?? undefined },
      deps,
    )
}

export function target(session: VaultSession, id: KeyId, deps: HttpDeps, what: string): Target {
  const key = readKeyById(session, id)
  const found = providerFor(session, key.provider)
  const provider = found?.provider
  const adapter = found?.adapter
  if (provider === undefined || adapter === undefined) {
    throw new KeywardError(
      'INVALID_INPUT',
      `Keyward cannot ${what} ${key.provider} keys through an API: it stores their metadata only.`,
    )
  }
  const value = readSecretValue(session, id)
  const context = contextOf(provider, adapter, key, value)
  // A pair id Keyward does not keep (AWS's temporary ASIA…), found in an older vault: never sent, never judged.
  const refused = provider.pair?.refusedId
  if (refused !== undefined && context.publicId !== null && refused.pattern.test(context.publicId))
    throw new KeywardError('UNSUPPORTED', `${refused.reason} Nothing was asked of ${provider.name}.`)
  return { id, key, provider, adapter, context, call: callWith(provider, value, deps, context) }
}

/**
 * Stores the outcome of a provider call on the key ("ok", "restricted" — valid, lacks permission for the check —,
 * "invalid" when the provider rejected it, or the error code) and audits it.
 */
function storeResult(
  session: VaultSession,
  t: Target,
  result: string,
  metadata: Readonly<Record<string, unknown>>,
): void {
  storeProviderResult(session, t.id, result, metadata, session.clock.now().toISOString())
}

export function recordOutcome(
  session: VaultSession,
  t: Target,
  action: 'verified' | 'synced' | 'rotated' | 'revoked',
  result: string,
  metadata: Readonly<Record<string, unknown>>,
): void {
  storeResult(session, t, result, metadata)
  recordEvent(session, action, { keyId: t.id, keyRef: t.key.ref }, { result })
}

export async function audited<T>(
  session: VaultSession,
  t: Target,
  action: 'verified' | 'synced' | 'rotated' | 'revoked',
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (error instanceof KeywardError && providerErrorCodes.includes(error.code))
      recordOutcome(session, t, action, error.code === 'KEY_REJECTED' ? 'invalid' : error.code, {})
    throw error
  }
}

/**
 * Checks a candidate value (a key pasted during a guided rotation) with the provider before anything is stored, so
 * a mistyped key never replaces a working one.
 */
export async function verifyCandidate(
  session: VaultSession,
  key: KeyRecord,
  value: string,
  deps: HttpDeps,
): Promise<string> {
  const found = providerFor(session, key.provider)
  if (found?.adapter === undefined)
    throw new KeywardError('INVALID_INPUT', `Keyward cannot verify ${key.provider} keys.`)
  const context = contextOf(found.provider, found.adapter, key, value)
  return (await found.adapter.verify(callWith(found.provider, value, deps, context), key, context)).summary
}

/** Asks the provider whether the key is live; stores when, the result, and the metadata it reported. */
export async function verifyKey(session: VaultSession, id: KeyId, deps: HttpDeps): Promise<KeyOperation> {
  const t = target(session, id, deps, 'verify')
  if (t.provider.capabilities.verify !== 'api')
    throw new KeywardError(
      'UNSUPPORTED',
      `${t.provider.name} documents no endpoint to check a key with; Keyward stores its metadata only.`,
    )
  return audited(session, t, 'verified', async () => {
    const result = await t.adapter.verify(t.call, t.key, t.context)
    // A restricted key is valid (it stays active); the result says it could not be checked fully.
    recordOutcome(session, t, 'verified', result.outcome === 'restricted' ? 'restricted' : 'ok', result.metadata)
    return { key: readKeyById(session, t.id), summary: result.summary }
  })
}

/** Pulls permissions, expiry, last use and usage where the API offers them. */
export async function syncKey(session: VaultSession, id: KeyId, deps: HttpDeps): Promise<KeyOperation> {
  const t = target(session, id, deps, 'sync')
  if (t.provider.capabilities.sync !== 'api')
    throw new KeywardError('INVALID_INPUT', `${t.provider.name} offers no API to read a key's details.`)
  return audited(session, t, 'synced', async () => {
    const result = await (t.adapter.sync ?? t.adapter.verify)(t.call, t.key, t.context)
    recordOutcome(session, t, 'synced', result.outcome === 'restricted' ? 'restricted' : 'ok', result.metadata)
    return { key: readKeyById(session, t.id), summary: result.summary }
  })
}

export interface RotationDeps extends HttpDeps {
  /** Stores the new value; a port so a test can make it fail between the provider's answer and the write. */
  readonly storeNewValue?: (session: VaultSession, id: KeyId, value: string) => void
}

/** The adapter's function for an operation the provider offers by API, or a pointer to the guided flow. */
export function apiFunction<F>(t: Target, operation: 'rotate' | 'revoke', fn: F | undefined): F {
  if (fn === undefined || t.provider.capabilities[operation] !== 'api') {
    throw new KeywardError(
      'INVALID_INPUT',
      `${t.provider.name} keys are ${operation}d in its dashboard, step by step.`,
      { action: 'guided', operation, ref: t.key.ref },
    )
  }
  return fn
}

/** What a provider may hand back as a new key: printable ASCII without spaces, 8 to 4096 characters. */
const ISSUED_KEY = /^[\x21-\x7e]{8,4096}$/

/**
 * Checks a provider's rotation answer before anything is written: a 20,000-character answer or one with a NUL
 * would otherwise become a pending record no unlock could store. The old value stays; the user is told the
 * provider may already have rotated.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNPRINTABLE = /[\x00-\x20\x7f-\uffff]/

export function checkIssuedKey(provider: ProviderDefinition, value: string): void {
  if (!ISSUED_KEY.test(value)) {
    const odd = UNPRINTABLE.test(value) ? ', with spaces or control characters' : ''
    throw new KeywardError(
      'PROVIDER_BAD_RESPONSE',
      `${provider.name} answered the rotation with something that is not a key (${value.length} characters${odd}); Keyward stored nothing and kept the current value. ${provider.name} may already have replaced the key: check its dashboard.`,
    )
  }
}

/** Revokes through the provider's API and marks the key revoked. */
export async function revokeKey(session: VaultSession, id: KeyId, deps: HttpDeps): Promise<KeyOperation> {
  const t = target(session, id, deps, 'revoke')
  const revoke = apiFunction(t, 'revoke', t.adapter.revoke)
  return audited(session, t, 'revoked', async () => {
    await revoke(t.call, t.key, t.context)
    storeResult(session, t, 'revoked', {})
    markRevoked(session, t.id, 'api')
    return {
      key: readKeyById(session, t.id),
      summary: `${t.provider.name} revoked the key; Keyward marks it revoked and keeps its history.`,
    }
  })
}
