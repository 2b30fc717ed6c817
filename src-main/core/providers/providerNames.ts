import { closest, distance } from 'fastest-levenshtein'
import { KeywardError } from '../errors'
import type { VaultSession } from '../vault/VaultSession'
import { builtinProviders } from './builtinProviders'
import { listCustomProviders } from './customProviders'

/** The provider id of a key Keyward only keeps (no format, no API): said explicitly, never a typo's fallback. */
export const OTHER_PROVIDER = 'other'

/**
 * A provider id a person typed: a built-in or custom provider, or `other` for a key Keyward only keeps. Anything
 * else is refused with the nearest id ("opneai" → openai) — a typo would otherwise file the key under a provider
 * nobody can verify, rotate or detect, and split one provider's keys in two.
 */
export function checkProviderId(session: VaultSession, id: string): string {
  const known = [...builtinProviders.map((provider) => provider.id), ...listCustomProviders(session).map((p) => p.id)]
  if (id === OTHER_PROVIDER || known.includes(id)) return id
  const nearest = known.length === 0 ? null : closest(id.toLowerCase(), known)
  const close = nearest !== null && distance(id.toLowerCase(), nearest) <= Math.max(2, Math.floor(id.length / 3))
  throw new KeywardError(
    'INVALID_INPUT',
    `Keyward knows no provider "${id}".${close ? ` Did you mean ${nearest}?` : ''} A key Keyward should only keep ` +
      `(no format check, no provider API) goes under the provider "${OTHER_PROVIDER}".`,
    { action: 'choose-provider' },
  )
}
