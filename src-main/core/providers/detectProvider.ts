import { builtinProviders } from './builtinProviders'
import { isPlaceholder } from './placeholder'
import type { ProviderDefinition } from './providerDefinition'

/**
 * The provider whose documented key format the value matches, or 'unknown'. Formats are specific enough not to
 * overlap (each test in detectProvider.test.ts checks a key matches exactly one); surrounding whitespace is ignored.
 * A placeholder in a key's format (`ghp_xxxx…`, `AKIAIOSFODNN7EXAMPLE`) is no key. Checked against a corpus of
 * 5,969 strings from gitleaks and TruffleHog (detectionCorpus.test.ts).
 */
export function detectProvider(value: string, providers: readonly ProviderDefinition[] = builtinProviders): string {
  const trimmed = value.trim()
  const claims = (provider: ProviderDefinition) =>
    provider.keyPattern?.test(trimmed) === true && provider.notDetected?.test(trimmed) !== true
  const found = providers.find(claims)
  return found === undefined || isPlaceholder(trimmed) ? 'unknown' : found.id
}

/**
 * Whether a value to store fits its provider's documented format; providers without one accept anything. For a
 * pair (AWS, Twilio) the stored value is the secret, so it is checked against the secret's format.
 */
export function fitsFormat(provider: ProviderDefinition, value: string): boolean {
  const pattern = provider.pair?.secretPattern ?? provider.keyPattern
  return pattern === null || pattern.test(value.trim())
}
