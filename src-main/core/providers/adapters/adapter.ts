import { KeywardError } from '../../errors'
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
  /**
   * Deletes the old key at the provider once the new one is safely stored: with the new key (Elastic Email,
   * SendGrid) or with the old one revoking itself (Perplexity).
   */
  readonly retireOld?: (calls: {
    readonly withNewKey: ProviderCall
    readonly withOldKey: ProviderCall
  }) => Promise<void>
}

/** What an adapter knows of a key besides its record — never the secret. */
export interface KeyContext {
  /** The public id inside the value (SendGrid's `SG.<id>.…`), or a pair's recorded id; null when none. */
  readonly publicId: string | null
  /** The documented variant the value's prefix names ('admin key' for `sk-admin-…`), or null. */
  readonly variant: string | null
  /** The key's recorded `region` (SendGrid's `eu`), which picks a documented regional host; null for the default. */
  readonly region: string | null
}

export interface ProviderAdapter {
  verify(call: ProviderCall, key: KeyRecord, context: KeyContext): Promise<VerifyResult>
  /** Rotation by API, where the provider offers it. */
  rotate?(call: ProviderCall, key: KeyRecord, context: KeyContext): Promise<Rotation>
  /** Revocation by API, where the provider offers it. */
  revoke?(call: ProviderCall, key: KeyRecord, context: KeyContext): Promise<void>
  /** Pulls what the API reports about the key (permissions, expiry, usage); defaults to verify. */
  sync?(call: ProviderCall, key: KeyRecord, context: KeyContext): Promise<VerifyResult>
  /** The non-secret id a value carries inside it, where the provider's format has one (SendGrid). */
  publicIdOf?(value: string): string | null
}

/** The provider says the key is not valid (unknown, revoked, expired): stored as `invalid`. */
export function rejected(provider: string, reason: string): KeywardError {
  return new KeywardError('KEY_REJECTED', `${provider} rejected the key: ${reason}.`)
}

/** The key is valid but may not do this by API: the user is sent to the dashboard, and nothing changed. */
export function needsDashboard(provider: string, reason: string): KeywardError {
  return new KeywardError('NEEDS_DASHBOARD', `${provider}: ${reason}. Nothing changed; do it in the dashboard.`)
}

/** A live result whose metadata is the provider's description of the account (never the key's own fields). */
export function live(summary: string, metadata: Readonly<Record<string, unknown>> = {}): VerifyResult {
  return { outcome: 'live', metadata, summary }
}

export function restricted(summary: string, metadata: Readonly<Record<string, unknown>> = {}): VerifyResult {
  return { outcome: 'restricted', metadata, summary }
}

/** A string field of a provider body, or undefined (never a number or object passed through as text). */
export function text(body: unknown, field: string): string | undefined {
  const value = asObject(body)[field]
  return typeof value === 'string' ? value : undefined
}

export function asObject(body: unknown): Record<string, unknown> {
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {}
}

/** Only the named fields, and only when present: provider bodies never flow into the vault wholesale. */
export function pick(body: unknown, fields: readonly string[]): Record<string, unknown> {
  const source = asObject(body)
  return Object.fromEntries(
    fields.filter((field) => source[field] !== undefined).map((field) => [field, source[field]]),
  )
}
