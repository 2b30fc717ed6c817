import type { KeyRecord } from '../../keys/keyRecord'
import type { ProviderResponse, RequestOptions } from '../providerHttp'

/** Calls the provider's API with the key being worked on; the adapter never handles transport or auth. */
export type ProviderCall = (options: Omit<RequestOptions, 'key'>) => Promise<ProviderResponse>

export interface VerifyResult {
  /**
   * live: the key works for this check. restricted: the provider knows the key, but it lacks the permission this
   * check needs (a send-only or server-restricted key) — valid, not dead. (Invalid keys throw KEY_REJECTED.)
   */
  readonly outcome: 'live' | 'restricted'
  /** Metadata the provider reported (plan, permissions, key type, inbox …), merged into the key's metadata. */
  readonly metadata: Readonly<Record<string, unknown>>
  /** One line for the user: what the provider said about the key. */
  readonly summary: string
}

/** A provider's key API, as far as it exists. Missing functions are guided (dashboard) or impossible. */
export interface Rotation {
  /** The new value: stored (sealed, pending first) before anything else happens. */
  readonly newValue: string
  readonly metadata: Readonly<Record<string, unknown>>
  /** Deletes the old key at the provider, called with the NEW key once it is safely stored (Elastic Email). */
  readonly retireOld?: (callWithNewKey: ProviderCall) => Promise<void>
}

export interface ProviderAdapter {
  verify(call: ProviderCall, key: KeyRecord): Promise<VerifyResult>
  /** Rotation by API, where the provider offers it. */
  rotate?(call: ProviderCall, key: KeyRecord): Promise<Rotation>
  /** Revocation by API, where the provider offers it. */
  revoke?(call: ProviderCall, key: KeyRecord): Promise<void>
  /** Pulls what the API reports about the key (permissions, expiry, usage); defaults to verify. */
  sync?(call: ProviderCall, key: KeyRecord): Promise<VerifyResult>
}

export function asObject(body: unknown): Record<string, unknown> {
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {}
}

/** Only the named fields, and only when present: provider bodies never flow into the vault wholesale. */
export function pick(body: unknown, fields: readonly string[]): Record<string, unknown> {
  const source = asObject(body)
  return Object.fromEntries(fields.filter((field) => source[field] !== undefined).map((field) => [field, source[field]]))
}
