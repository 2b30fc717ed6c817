import { terminalSafe } from '../../core/security/terminalText'
import { checkNotPairId, elasticEmailKeyNames, pairMetadata } from '../../core/providers/newKeyDetails'
import type { ProviderDefinition } from '../../core/providers/providerDefinition'
import type { CliContext } from '../context'

type Metadata = Record<string, unknown> | undefined

/** A pair's id (AWS access key id, Twilio key SID): from --metadata, else asked on a terminal, else refused. */
async function withPairId(
  context: CliContext,
  provider: ProviderDefinition,
  value: string,
  metadata: Metadata,
): Promise<Metadata> {
  const pair = provider.pair
  if (pair === undefined) return metadata
  checkNotPairId(provider, value)
  const given = metadata?.[pair.field]
  const typed =
    typeof given === 'string'
      ? given
      : context.terminal.interactive
        ? await context.terminal.ask(`${provider.name} ${pair.label}: `)
        : null
  return { ...metadata, ...pairMetadata(provider, typed) }
}

/**
 * Elastic Email keys are managed by name: on a terminal, the account's key names (listed with the key being added)
 * are offered to pick from; Enter, a key that may not list keys, or no terminal leaves the name unrecorded.
 */
async function withRemoteName(context: CliContext, value: string, metadata: Metadata): Promise<Metadata> {
  if (metadata?.remoteName !== undefined || !context.terminal.interactive) return metadata
  const names = await elasticEmailKeyNames(value, context.http).catch(() => null)
  if (names === null || names.length === 0) return metadata
  context.terminal.err(
    // The names are the provider's text: shown without escape sequences or invisible characters.
    `The Elastic Email account has these API keys:\n${names.map((name, index) => `  ${index + 1}. ${terminalSafe(name)}`).join('\n')}\n`,
  )
  const answer =
    (await context.terminal.ask(`Which one is this key? (1-${names.length}, Enter to skip): `))?.trim() ?? ''
  const picked = names[Number(answer) - 1]
  if (answer === '' || picked === undefined) return metadata
  return { ...metadata, remoteName: picked }
}

/** What a provider needs recorded beside a new key's value, from --metadata or asked for on a terminal. */
export async function newKeyMetadata(
  context: CliContext,
  provider: ProviderDefinition | undefined,
  value: string,
  metadata: Metadata,
): Promise<Metadata> {
  if (provider === undefined) return metadata
  if (provider.id === 'elastic-email') return withRemoteName(context, value, metadata)
  return withPairId(context, provider, value, metadata)
}
