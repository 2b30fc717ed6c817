import { KeywardError } from '../errors'
import type { VaultSession } from '../vault/VaultSession'
import { builtinProviders } from './builtinProviders'
import { allProviders, providerFor } from './customProviders'
import { detectProvider, fitsFormat } from './detectProvider'
import { checkNotPairId } from './newKeyDetails'

/**
 * The provider for a new value: the one given (whose documented format the value must fit, to catch a key pasted
 * into the wrong place), else the one detected from the value.
 */
export function providerForNewValue(
  session: VaultSession,
  given: string | undefined,
  value: string,
  formatCheck: boolean,
): { id: string; envVar: string | undefined } {
  if (given === undefined) {
    const detected = detectProvider(value, allProviders(session, builtinProviders))
    if (detected === 'unknown')
      throw new KeywardError(
        'INVALID_INPUT',
        "Could not tell the provider from the key's format: choose the provider.",
        { action: 'choose-provider' },
      )
    const provider = providerFor(session, detected)?.provider
    if (provider !== undefined) checkNotPairId(provider, value)
    return { id: detected, envVar: providerFor(session, detected)?.provider.envVar }
  }
  const known = providerFor(session, given)?.provider
  if (known !== undefined) checkNotPairId(known, value)
  if (formatCheck && known !== undefined && !fitsFormat(known, value)) {
    throw new KeywardError(
      'INVALID_INPUT',
      `That value does not match ${known.name}'s key format (${known.keyFormat ?? ''}). Check for a typo, or store it without the format check.`,
      { action: 'skip-format-check' },
    )
  }
  return { id: given, envVar: known?.envVar }
}
