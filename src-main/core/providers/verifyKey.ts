import { KeywardError } from '../errors'
import type { KeyRecord } from '../keys/keyRecord'
import { readKeyById, readSecretValue } from '../keys/keyRepository'
import { resolveKeyRef } from '../keys/keyRef'
import { recordEvent } from '../vault/audit'
import type { VaultSession } from '../vault/VaultSession'
import { adapters } from './adapters'
import { findProvider } from './builtinProviders'
import { providerRequest, type HttpDeps } from './providerHttp'

export interface Verification {
  readonly key: KeyRecord
  readonly summary: string
}

const PROVIDER_CODES = new Set(['KEY_REJECTED', 'PROVIDER_UNREACHABLE', 'PROVIDER_TIMEOUT', 'PROVIDER_RATE_LIMITED', 'PROVIDER_ERROR', 'PROVIDER_BAD_RESPONSE', 'PROVIDER_REDIRECT'])

/**
 * Asks the key's provider whether the key is live, and stores the answer: when, the result ("ok", "invalid" for
 * 401/403, or the error code), and the metadata the provider reported. Every call is audited; a failure stores
 * its result and is rethrown. Nothing else changes.
 */
export async function verifyKey(session: VaultSession, ref: string, deps: HttpDeps): Promise<Verification> {
  const { id } = resolveKeyRef(session, ref)
  const key = readKeyById(session, id)
  const provider = findProvider(key.provider)
  const adapter = adapters[key.provider]
  if (provider === undefined || adapter === undefined) {
    throw new KeywardError('INVALID_INPUT', `Keyward cannot verify ${key.provider} keys: it stores their metadata only.`)
  }
  const value = readSecretValue(session, id)
  const record = (result: string, metadata: Readonly<Record<string, unknown>>) => {
    const now = session.clock.now().toISOString()
    session
      .sql("UPDATE keys SET last_verified_at = ?, last_verify_result = ?, metadata = json_patch(metadata, ?), updated_at = ? WHERE id = ?")
      .run(now, result, JSON.stringify(metadata), now, id)
    recordEvent(session, 'verified', { keyId: id, keyRef: key.ref }, { result })
  }
  try {
    const result = await adapter.verify((options) => providerRequest(provider, { ...options, key: value }, deps), key, value.slice(-5))
    record('ok', result.metadata)
    return { key: readKeyById(session, id), summary: result.summary }
  } catch (error) {
    if (error instanceof KeywardError && PROVIDER_CODES.has(error.code)) record(error.code === 'KEY_REJECTED' ? 'invalid' : error.code, {})
    throw error
  }
}
