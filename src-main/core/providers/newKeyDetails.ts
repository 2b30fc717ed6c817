import { KeywardError } from '../errors'
import { elasticEmailNames } from './adapters/elasticEmail'
import { findProvider } from './builtinProviders'
import type { CredentialPair, ProviderDefinition } from './providerDefinition'
import { providerRequest, type HttpDeps } from './providerHttp'

/** The pair's id pasted where its secret goes: refused with what to do instead. */
export function checkNotPairId(provider: ProviderDefinition, value: string): void {
  const pair = provider.pair
  if (pair?.refusedId?.pattern.test(value.trim()) === true)
    throw new KeywardError('INVALID_INPUT', pair.refusedId.reason)
  if (pair === undefined || !pair.idPattern.test(value.trim())) return
  throw new KeywardError(
    'INVALID_INPUT',
    `That is ${provider.name}'s ${pair.label}, which is not secret: store the secret (${pair.secretFormat}) as the value and give the ${pair.label} beside it.`,
    { action: 'give-pair-id', field: pair.field },
  )
}

function checkPairId(provider: ProviderDefinition, pair: CredentialPair, id: string): string {
  const trimmed = id.trim()
  if (pair.refusedId?.pattern.test(trimmed) === true) throw new KeywardError('INVALID_INPUT', pair.refusedId.reason)
  if (!pair.idPattern.test(trimmed))
    throw new KeywardError('INVALID_INPUT', `That is not ${provider.name}'s ${pair.label} format.`)
  return trimmed
}

/**
 * A pair provider's id (typed, or from the form or --metadata) as the key's metadata, checked; refused when missing.
 * Nothing for a provider that is not a pair. One rule for `add`, the window's Add dialog and a guided rotation.
 */
export function pairMetadata(provider: ProviderDefinition | undefined, pairId: string | null): Record<string, string> {
  const pair = provider?.pair
  if (provider === undefined || pair === undefined) return {}
  if (pairId === null || pairId.trim() === '') {
    throw new KeywardError('INVALID_INPUT', `A ${provider.name} key is a pair: give its ${pair.label} too.`, {
      action: 'give-pair-id',
      field: pair.field,
    })
  }
  return { [pair.field]: checkPairId(provider, pair, pairId) }
}

/**
 * The names of the Elastic Email account's API keys, read with the key being added (`GET /security/apikeys`, see
 * adapters/elasticEmail.ts), so the user can say which one it is; null when the key may not list keys (400) —
 * a sending key — and the name is then recorded later, if ever.
 */
export async function elasticEmailKeyNames(value: string, deps: HttpDeps): Promise<string[] | null> {
  const provider = findProvider('elastic-email')
  if (provider === undefined) return null
  const { status, body } = await providerRequest(
    provider,
    { path: '/security/apikeys', key: value, accept: [400] },
    deps,
  )
  return status === 400 ? null : elasticEmailNames(body)
}
