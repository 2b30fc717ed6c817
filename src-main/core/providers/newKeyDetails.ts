import { KeywardError } from '../errors'
import { asObject } from './adapters/adapter'
import { findProvider } from './builtinProviders'
import type { CredentialPair, ProviderDefinition } from './providerDefinition'
import { providerRequest, type HttpDeps } from './providerHttp'

/** The pair's id pasted where its secret goes: refused with what to do instead. */
export function checkNotPairId(provider: ProviderDefinition, value: string): void {
  const pair = provider.pair
  if (pair === undefined || !pair.idPattern.test(value.trim())) return
  throw new KeywardError(
    'INVALID_INPUT',
    `That is ${provider.name}'s ${pair.label}, which is not secret: store the secret (${pair.secretFormat}) as the value and give the ${pair.label} beside it.`,
    { action: 'give-pair-id', field: pair.field },
  )
}

/** Checks a pair id typed or passed in metadata; returns it trimmed. */
export function checkPairId(provider: ProviderDefinition, pair: CredentialPair, id: string): string {
  const trimmed = id.trim()
  if (!pair.idPattern.test(trimmed))
    throw new KeywardError('INVALID_INPUT', `That is not ${provider.name}'s ${pair.label} format.`)
  return trimmed
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
  if (status === 400 || !Array.isArray(body)) return null
  return body.flatMap((entry) => {
    const name = asObject(entry).Name
    return typeof name === 'string' ? [name] : []
  })
}
