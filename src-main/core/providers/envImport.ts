import path from 'node:path'
import { parse } from 'dotenv'
import { readDotenvText } from '../dotenv/dotenvFiles'
import { maskValue } from '../dotenv/maskValue'
import { recordUsages } from '../dotenv/usageStore'
import { importKeys, listKeys } from '../keys/keyRepository'
import { keyIdOf } from '../keys/keyRef'
import { fingerprints as keyFingerprints } from '../keys/keyStore'
import { fingerprint } from '../vault/sealing'
import type { VaultSession } from '../vault/VaultSession'
import { builtinProviders } from './builtinProviders'
import { allProviders } from './customProviders'
import { detectProvider } from './detectProvider'
import { isPlaceholder } from './placeholder'
import type { ProviderDefinition } from './providerDefinition'

export interface ImportReport {
  readonly created: readonly string[]
  readonly duplicates: readonly { variable: string; existing: string }[]
  readonly unrecognised: readonly string[]
  /** Values that are examples, not keys (`…EXAMPLE`, `xxxx…`, `your-…-here`, `changeme`): never imported. */
  readonly placeholders: readonly string[]
  /** Variables whose key name is already taken (in the vault, or by another line of this file): skipped. */
  readonly conflicts: readonly { variable: string; existing: string }[]
  /** Temporary credentials (AWS ASIA… keys): they need a session token and expire within hours. Never imported. */
  readonly temporary: readonly string[]
}

/**
 * A pair's id (AWS access key id, Twilio API key SID) is not a secret; the secret beside it is. The pair becomes one
 * key: the secret as the value, the id (and its variable) in the metadata. Without its secret, the id is not
 * imported. The secret is `<prefix><secret suffix>` for an id in `<prefix><id suffix>`, or the provider's variable.
 */
function pairSecret(
  provider: ProviderDefinition,
  variables: Record<string, string>,
  idVariable: string,
): { variable: string; secret: string } | null {
  const pair = provider.pair
  if (pair === undefined) return null
  const prefix = idVariable.endsWith(pair.idVariableSuffix) ? idVariable.slice(0, -pair.idVariableSuffix.length) : null
  const candidates = [...(prefix === null ? [] : [`${prefix}${pair.secretVariableSuffix}`]), provider.envVar]
  const variable = candidates.find((name) => pair.secretPattern.test(variables[name] ?? ''))
  return variable === undefined ? null : { variable, secret: variables[variable] ?? '' }
}

/** The pair's companion id (Twilio's Account SID) from `<prefix><suffix>` beside the pair's id, when it fits. */
function companionOf(
  pair: NonNullable<ProviderDefinition['pair']>,
  variables: Record<string, string>,
  idVariable: string,
): Record<string, string> {
  const companion = pair.companion
  if (companion === undefined || !idVariable.endsWith(pair.idVariableSuffix)) return {}
  const value = variables[`${idVariable.slice(0, -pair.idVariableSuffix.length)}${companion.variableSuffix}`]
  return value !== undefined && companion.pattern.test(value) ? { [companion.field]: value } : {}
}

/** What importing would do with one variable of the file. */
export interface ImportRow {
  readonly variable: string
  readonly action: 'create' | 'duplicate' | 'conflict' | 'placeholder' | 'unrecognised' | 'temporary'
  /** The detected provider; null when no known key format matched. */
  readonly provider: string | null
  /** The key it would create, or the stored key it duplicates or whose name it would take. */
  readonly ref: string | null
  /** The value masked (provider prefix and last 4 at most). */
  readonly masked: string
}

type ImportEntry = Parameters<typeof importKeys>[1][number]

export interface ImportPlan {
  readonly rows: readonly ImportRow[]
  readonly entries: ReadonlyMap<string, ImportEntry>
}

/**
 * What importing a .env file (parsed with dotenv's rules) would do, per variable: values whose provider is
 * recognised become keys named after their variable; values already in the vault (same fingerprint) are duplicates,
 * names already taken are conflicts, placeholders and the rest (URLs, ports, flags) are left out — a vault of API
 * keys is not a config store. A pair's id and secret (AWS, Twilio) make one row, under the secret's variable.
 */
export function planDotenvImport(session: VaultSession, file: string, environment: string): ImportPlan {
  const variables = parse(readDotenvText(file))
  const providers = allProviders(session, builtinProviders)
  const fingerprints = new Map(keyFingerprints(session, false).map((row) => [row.fingerprint, row.ref]))
  const taken = new Set(listKeys(session).map((key) => key.ref))
  const rows: ImportRow[] = []
  const entries = new Map<string, ImportEntry>()
  const pairOf = (value: string) => {
    const id = detectProvider(value, providers)
    return providers.find((provider) => provider.id === id && provider.pair !== undefined)
  }
  // Secrets that travel with a pair's id in this file: imported with it, not on their own.
  const pairedSecrets = new Set(
    Object.entries(variables).flatMap(([variable, value]) => {
      const provider = pairOf(value)
      return provider === undefined ? [] : (pairSecret(provider, variables, variable)?.variable ?? [])
    }),
  )
  for (const [variable, raw] of Object.entries(variables)) {
    if (pairedSecrets.has(variable)) continue
    let value = raw
    let envVar = variable
    let metadata: Record<string, unknown> = {}
    const provider = detectProvider(value, providers)
    const row = { variable, provider: provider === 'unknown' ? null : provider, ref: null, masked: maskValue(raw) }
    if (value === '' || provider === 'unknown') {
      rows.push({ ...row, action: value !== '' && isPlaceholder(value) ? 'placeholder' : 'unrecognised' })
      continue
    }
    const pairProvider = pairOf(value)
    if (pairProvider?.pair !== undefined) {
      const pair = pairSecret(pairProvider, variables, variable)
      if (pair === null) {
        rows.push({ ...row, action: 'unrecognised' })
        continue
      }
      if (pairProvider.pair.refusedId?.pattern.test(value) === true) {
        rows.push({ ...row, action: 'temporary' })
        continue
      }
      metadata = {
        [pairProvider.pair.field]: value,
        [`${pairProvider.pair.field}Variable`]: variable,
        ...companionOf(pairProvider.pair, variables, variable),
      }
      envVar = pair.variable
      value = pair.secret
    }
    const print = fingerprint(session.fingerprintKey, value)
    const existing = fingerprints.get(print)
    const named = { ...row, variable: envVar, masked: maskValue(value) }
    if (existing !== undefined) {
      rows.push({ ...named, action: 'duplicate', ref: existing })
      continue
    }
    const name = envVar.toLowerCase().replace(/_/g, '-')
    const ref = `${provider}/${name}`
    if (taken.has(ref)) {
      rows.push({ ...named, action: 'conflict', ref })
      continue
    }
    taken.add(ref)
    fingerprints.set(print, ref)
    rows.push({ ...named, action: 'create', ref })
    entries.set(envVar, {
      key: { provider, name, envVar, environment, notes: `Imported from ${path.resolve(file)}`, metadata },
      value,
    })
  }
  return { rows, entries }
}

/**
 * Imports a .env file: creates the keys the plan would create (all, or only the `chosen` variables) in one
 * transaction. `track` records the file as where each new key is used, so a rotation updates it. A dry run computes
 * exactly the same report, so it says what the real import then does.
 */
export function importDotenv(
  session: VaultSession,
  file: string,
  environment: string,
  dryRun: boolean,
  options: { chosen?: ReadonlySet<string>; track?: boolean } = {},
): ImportReport {
  const plan = planDotenvImport(session, file, environment)
  const entries = [...plan.entries]
    .filter(([variable]) => options.chosen?.has(variable) ?? true)
    .map(([, entry]) => entry)
  if (!dryRun && entries.length > 0) {
    importKeys(session, entries)
    if (options.track === true) {
      const usages = entries.map((entry) => ({
        keyId: keyIdOf(session, `${entry.key.provider}/${entry.key.name}`),
        variable: entry.key.envVar ?? '',
      }))
      recordUsages(session, path.resolve(file), usages, 'imported')
    }
  }
  const of = (action: ImportRow['action']) => plan.rows.filter((row) => row.action === action)
  return {
    created: entries.map((entry) => `${entry.key.provider}/${entry.key.name}`),
    duplicates: of('duplicate').map((row) => ({ variable: row.variable, existing: row.ref ?? '' })),
    conflicts: of('conflict').map((row) => ({ variable: row.variable, existing: row.ref ?? '' })),
    placeholders: of('placeholder').map((row) => row.variable),
    unrecognised: of('unrecognised').map((row) => row.variable),
    temporary: of('temporary').map((row) => row.variable),
  }
}
