import { KeywardError } from '../errors'
import { isLoopback, parseUrl } from '../security/parseUrl'

/** How a provider's API takes the key. */
export type AuthScheme =
  | { readonly kind: 'bearer' }
  | { readonly kind: 'header'; readonly header: string }
  /** HTTP Basic with the key as the user name and an empty password (Mailosaur). */
  | { readonly kind: 'basic-key-as-user' }
  /** HTTP Basic with the pair's id as the user name and the secret as the password (Twilio API keys). */
  | { readonly kind: 'basic-pair' }
  /** AWS Signature Version 4 with the access key id and secret access key (STS). */
  | { readonly kind: 'aws-sigv4'; readonly service: string; readonly region: string }

/**
 * A credential in two parts: a public id, kept in the key's metadata under `field`, and the secret, which is the
 * stored value (AWS access key id + secret access key; Twilio API key SID + secret). The id alone is what a
 * pasted-value detector sees (`keyPattern`); the stored value must fit `secretPattern`.
 */
export interface CredentialPair {
  readonly field: string
  readonly label: string
  readonly idPattern: RegExp
  readonly secretPattern: RegExp
  readonly secretFormat: string
  /** In .env files the secret sits beside the id: `<prefix><idSuffix>` and `<prefix><secretSuffix>`. */
  readonly idVariableSuffix: string
  readonly secretVariableSuffix: string
  /** Ids in the provider's format that Keyward does not keep, and why (AWS's temporary ASIA… keys). */
  readonly refusedId?: { readonly pattern: RegExp; readonly reason: string }
  /** A non-secret id the API needs beside the pair (Twilio's Account SID), recorded when found beside it in a .env. */
  readonly companion?: { readonly field: string; readonly variableSuffix: string; readonly pattern: RegExp }
}

/** What Keyward can do for a provider: through its API, as guided steps in its dashboard, or not at all. */
export type Capability = 'api' | 'guided' | 'none'

export interface ProviderDefinition {
  readonly id: string
  readonly name: string
  readonly dashboardUrl: string | null
  readonly docsUrl: string | null
  /** The API's base URL (overridable with KEYWARD_<ID>_BASE_URL); null for detection-only providers. */
  readonly baseUrl: string | null
  readonly auth: AuthScheme | null
  /** The documented key format: used to detect a pasted key and to catch typos. Null when undocumented. */
  readonly keyPattern: KeyPattern | null
  /**
   * Values in the format that detection still does not claim, because another thing has the same shape (a SHA-384
   * digest, another vendor's key): a user may store one under this provider, but a paste or import never guesses it.
   */
  readonly notDetected?: RegExp
  readonly keyFormat: string | null
  readonly envVar: string
  readonly rotationDays: number | null
  readonly rateLimit: string | null
  readonly capabilities: {
    readonly verify: Capability
    readonly rotate: Capability
    readonly revoke: Capability
    readonly sync: Capability
  }
  /** Advice shown with the provider (one key per environment, quarterly rotation …). */
  readonly advice: readonly string[]
  /** Set for providers whose credential is an id + secret pair. */
  readonly pair?: CredentialPair
  /**
   * What a key's documented prefix says about it (Stripe's `sk_live_` is a live-mode secret key), and the
   * environment a new key of that kind defaults to. The first matching prefix wins.
   */
  readonly variants?: readonly KeyVariant[]
  /**
   * Documented regional base URLs, chosen by a key's `region` metadata (SendGrid's EU regional subusers call
   * api.eu.sendgrid.com). A key without one calls `baseUrl`.
   */
  readonly regions?: Readonly<Record<string, string>>
}

export interface KeyVariant {
  readonly prefix: string
  readonly label: string
  readonly environment?: 'production' | 'development'
}

/** The variant a value's prefix names, if its provider documents one. */
export function variantOf(provider: ProviderDefinition, value: string): KeyVariant | null {
  return provider.variants?.find((variant) => value.startsWith(variant.prefix)) ?? null
}

/** The public id of a pair credential, from the key's metadata; null when none is recorded. */
export function pairIdOf(provider: ProviderDefinition, metadata: Readonly<Record<string, unknown>>): string | null {
  const id = provider.pair === undefined ? undefined : metadata[provider.pair.field]
  return typeof id === 'string' && id !== '' ? id : null
}

/** `KEYWARD_<ID>_BASE_URL`: the id upper-cased, `-` turned into `_`. */
export function baseUrlVariable(providerId: string): string {
  return `KEYWARD_${providerId.toUpperCase().replace(/-/g, '_')}_BASE_URL`
}

/**
 * The provider's base URL, or the `KEYWARD_<ID>_BASE_URL` override. An override exists for tests and local
 * simulators, and live keys follow it: it is accepted only for a loopback origin (127.0.0.0/8, ::1, localhost),
 * in every build, so a stray or planted variable cannot send keys to another host.
 */
export function baseUrlFor(
  provider: ProviderDefinition,
  env: Readonly<Record<string, string | undefined>>,
  region: string | null = null,
): string | null {
  const variable = baseUrlVariable(provider.id)
  const override = env[variable]
  if (override === undefined || override === '') return regionalBaseUrl(provider, region)
  const url = parseUrl(override)
  if (url === null || !isLoopback(url.hostname)) {
    throw new KeywardError(
      'INVALID_INPUT',
      `${variable} points at ${url?.host ?? 'something that is not a URL'}: it is accepted only for a local simulator (127.0.0.1, ::1, localhost). Unset it to use ${provider.name}.`,
    )
  }
  return override.replace(/\/+$/, '')
}

/** What a key format is matched with: a built-in RegExp, or a custom provider's RE2 pattern (linear time). */
export interface KeyPattern {
  test(value: string): boolean
}

/** The documented base URL for a key's region; a region the provider does not document is refused, never guessed. */
function regionalBaseUrl(provider: ProviderDefinition, region: string | null): string | null {
  if (region === null) return provider.baseUrl
  const url = provider.regions?.[region]
  if (url !== undefined) return url
  const known = Object.keys(provider.regions ?? {})
  const documented = known.length === 0 ? '' : ` (it documents ${known.join(', ')})`
  throw new KeywardError(
    'INVALID_INPUT',
    `${provider.name} has no region "${region}"${documented}: fix the key's region in its metadata.`,
  )
}
