import path from 'node:path'
import { parse } from 'dotenv'
import { KeywardError } from '../errors'
import { writeFileAtomic } from '../fs/atomicWrite'
import { fingerprint } from '../vault/sealing'
import type { KeyRecord } from '../keys/keyRecord'
import { importKeys, listKeys, readKeyById, readSecretValue } from '../keys/keyRepository'
import type { KeyId } from '../keys/keyId'
import { keyIdOf } from '../keys/keyRef'
import { fingerprints as keyFingerprints } from '../keys/keyStore'
import { builtinProviders } from '../providers/builtinProviders'
import { allProviders } from '../providers/customProviders'
import { detectProvider } from '../providers/detectProvider'
import { isPlaceholder } from '../providers/placeholder'
import type { ProviderDefinition } from '../providers/providerDefinition'
import { recordEvent } from '../vault/audit'
import type { VaultSession } from '../vault/VaultSession'
import { existingRegularFile, readDotenvText } from './dotenvFiles'
import { maskValue } from './maskValue'
import { recordUsages } from './usages'
import { writeDotenvFile, type DotenvWrite } from './writeDotenvFile'

/** Which keys to export: every key of an environment, or the named ones. */
export type KeySelection = { readonly environment: string } | { readonly ids: readonly KeyId[] }

export interface Selected {
  readonly key: KeyRecord
  readonly variable: string
}

/** The chosen keys with their variables: each needs an env var name, and no two may share one. */
export function selectKeys(session: VaultSession, selection: KeySelection): Selected[] {
  const keys = 'ids' in selection
    ? selection.ids.map((id) => readKeyById(session, id))
    : listKeys(session, { environment: selection.environment }).filter((key) => key.status === 'active')
  if (keys.length === 0) throw new KeywardError('NOT_FOUND', 'No keys selected: check the environment or the keys chosen.', { action: 'choose-keys' })
  const missing = keys.filter((key) => key.envVar === null).map((key) => key.ref)
  if (missing.length > 0) throw new KeywardError('INVALID_INPUT', `No env var name for ${missing.join(', ')}: set one first.`, { action: 'set-env-var' })
  const byVariable = new Map<string, string>()
  for (const key of keys) {
    const other = byVariable.get(key.envVar ?? '')
    if (other !== undefined) throw new KeywardError('CONFLICT', `${other} and ${key.ref} both use ${key.envVar ?? ''}: pick one.`, { action: 'choose-keys' })
    byVariable.set(key.envVar ?? '', key.ref)
  }
  return keys.map((key) => ({ key, variable: key.envVar ?? '' }))
}

/** The selected keys as environment variables, for `keyward run` (audited per key, never written anywhere). */
export function environmentFor(session: VaultSession, selection: KeySelection, command: string): Record<string, string> {
  const selected = selectKeys(session, selection)
  const variables: Record<string, string> = {}
  for (const { key, variable } of selected) {
    variables[variable] = readSecretValue(session, key.id)
    recordEvent(session, 'exported', { keyId: key.id, keyRef: key.ref }, { to: 'process', command: path.basename(command) })
  }
  return variables
}

/** Writes the selected keys into a .env file and records where each one went (`usages`). */
export function writeKeysToDotenv(session: VaultSession, file: string, selection: KeySelection, dryRun: boolean): DotenvWrite {
  const selected = selectKeys(session, selection)
  const edits = selected.map(({ key, variable }) => ({ variable, value: readSecretValue(session, key.id) }))
  const written = writeDotenvFile(file, edits, { dryRun })
  if (!dryRun) {
    recordUsages(session, written.file, selected.map(({ key, variable }) => ({ keyId: key.id, variable })))
    for (const { key, variable } of selected) recordEvent(session, 'exported', { keyId: key.id, keyRef: key.ref }, { to: written.file, variable })
  }
  return written
}

export interface ImportReport {
  readonly created: readonly string[]
  readonly duplicates: readonly { variable: string; existing: string }[]
  readonly unrecognised: readonly string[]
  /** Values that are examples, not keys (`…EXAMPLE`, `xxxx…`, `your-…-here`, `changeme`): never imported. */
  readonly placeholders: readonly string[]
  /** Variables whose key name is already taken (in the vault, or by another line of this file): skipped. */
  readonly conflicts: readonly { variable: string; existing: string }[]
}

/**
 * A pair's id (AWS access key id, Twilio API key SID) is not a secret; the secret beside it is. The pair becomes one
 * key: the secret as the value, the id (and its variable) in the metadata. Without its secret, the id is not
 * imported. The secret is `<prefix><secret suffix>` for an id in `<prefix><id suffix>`, or the provider's variable.
 */
function pairSecret(provider: ProviderDefinition, variables: Record<string, string>, idVariable: string): { variable: string; secret: string } | null {
  const pair = provider.pair
  if (pair === undefined) return null
  const prefix = idVariable.endsWith(pair.idVariableSuffix) ? idVariable.slice(0, -pair.idVariableSuffix.length) : null
  const candidates = [...(prefix === null ? [] : [`${prefix}${pair.secretVariableSuffix}`]), provider.envVar]
  const variable = candidates.find((name) => pair.secretPattern.test(variables[name] ?? ''))
  return variable === undefined ? null : { variable, secret: variables[variable] ?? '' }
}

/** What importing would do with one variable of the file. */
export interface ImportRow {
  readonly variable: string
  readonly action: 'create' | 'duplicate' | 'conflict' | 'placeholder' | 'unrecognised'
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
      metadata = { [pairProvider.pair.field]: value, [`${pairProvider.pair.field}Variable`]: variable }
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
    entries.set(envVar, { key: { provider, name, envVar, environment, notes: `Imported from ${path.resolve(file)}`, metadata }, value })
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
  const entries = [...plan.entries].filter(([variable]) => options.chosen?.has(variable) ?? true).map(([, entry]) => entry)
  if (!dryRun && entries.length > 0) {
    importKeys(session, entries)
    if (options.track === true) {
      const usages = entries.map((entry) => ({ keyId: keyIdOf(session, `${entry.key.provider}/${entry.key.name}`), variable: entry.key.envVar ?? '' }))
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
  }
}

/** `.env.example`: every variable of FILE with an empty value, so a project documents what it needs. */
export function writeDotenvExample(file: string, out: string): string[] {
  const names = Object.keys(parse(readDotenvText(file)))
  existingRegularFile(out, false)
  writeFileAtomic(path.resolve(out), names.map((name) => `${name}=`).join('\n') + '\n', 0o644)
  return names
}
