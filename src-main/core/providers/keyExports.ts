import { pairAssignments, type Assignment, type PairParts } from '../dotenv/pairVariables'
import { selectKeys, type KeyExport, type KeySelection, type Selected } from '../dotenv/keySelection'
import { KeywardError } from '../errors'
import type { KeyRecord } from '../keys/keyRecord'
import { readSecretValue } from '../keys/keyRepository'
import type { VaultSession } from '../vault/VaultSession'
import { findProvider } from './builtinProviders'

/** A pair key's recorded public parts (its id, and a companion such as Twilio's account SID); null for others. */
export function pairPartsOf(key: Pick<KeyRecord, 'provider' | 'metadata'>): PairParts | null {
  const provider = findProvider(key.provider)
  const pair = provider?.pair
  if (provider === undefined || pair === undefined) return null
  const recorded = (field: string, suffix: string) => {
    const value = key.metadata[field]
    return typeof value === 'string' && value !== '' ? [{ suffix, value }] : []
  }
  return {
    secretSuffix: pair.secretVariableSuffix,
    defaultPrefix: provider.envVar.endsWith(pair.secretVariableSuffix)
      ? provider.envVar.slice(0, -pair.secretVariableSuffix.length)
      : '',
    parts: [
      ...recorded(pair.field, pair.idVariableSuffix),
      ...(pair.companion === undefined ? [] : recorded(pair.companion.field, pair.companion.variableSuffix)),
    ],
  }
}

/** The assignments a key brings beside its secret in `variable` (none for a key that is not a pair). */
export function companionAssignments(key: KeyRecord, variable: string): Assignment[] {
  const pair = pairPartsOf(key)
  return pair === null ? [] : pairAssignments(variable, pair)
}

/**
 * The selected keys with their variables (dotenv/keySelection.ts), refused when a pair's public part would land on
 * a variable another key sets (two AWS keys whose secrets' variables both lead to AWS_ACCESS_KEY_ID).
 */
export function selectWithPairs(session: VaultSession, selection: KeySelection): Selected[] {
  const selected = selectKeys(session, selection)
  const owner = new Map<string, string>()
  for (const { key, variable } of selected)
    for (const name of [variable, ...companionAssignments(key, variable).map((part) => part.variable)]) {
      const other = owner.get(name)
      if (other !== undefined && other !== key.ref)
        throw new KeywardError('CONFLICT', `${other} and ${key.ref} both set ${name}: pick one.`, {
          action: 'choose-keys',
        })
      owner.set(name, key.ref)
    }
  return selected
}

/**
 * The selected keys as .env / environment assignments: each key's secret under its variable, then a pair's public
 * parts (AWS_ACCESS_KEY_ID beside AWS_SECRET_ACCESS_KEY).
 */
export function keyExports(session: VaultSession, selection: KeySelection): KeyExport[] {
  return selectWithPairs(session, selection).map(({ key, variable }) => ({
    key,
    variable,
    assignments: [{ variable, value: readSecretValue(session, key.id) }, ...companionAssignments(key, variable)],
  }))
}
