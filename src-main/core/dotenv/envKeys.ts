import path from 'node:path'
import { parse } from 'dotenv'
import { KeywardError } from '../errors'
import { writeFileAtomic } from '../fs/atomicWrite'
import { fingerprint } from '../vault/sealing'
import type { KeyRecord } from '../keys/keyRecord'
import { importKeys, listKeys, readKeyById, readSecretValue } from '../keys/keyRepository'
import type { KeyId } from '../keys/keyId'
import { fingerprints as keyFingerprints } from '../keys/keyStore'
import { builtinProviders } from '../providers/builtinProviders'
import { allProviders } from '../providers/customProviders'
import { detectProvider } from '../providers/detectProvider'
import { isPlaceholder } from '../providers/placeholder'
import type { ProviderDefinition } from '../providers/providerDefinition'
import { recordEvent } from '../vault/audit'
import type { VaultSession } from '../vault/VaultSession'
import { existingRegularFile, readDotenvText } from './dotenvFiles'
import { writeDotenvFile, type DotenvWrite } from './writeDotenvFile'

/** Which keys to export: every key of an environment, or the named ones. */
export type KeySelection = { readonly environment: string } | { readonly ids: readonly KeyId[] }

interface Selected {
  readonly key: KeyRecord
  readonly variable: string
}

function select(session: VaultSession, selection: KeySelection): Selected[] {
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
  const selected = select(session, selection)
  const variables: Record<string, string> = {}
  for (const { key, variable } of selected) {
    variables[variable] = readSecretValue(session, key.id)
    recordEvent(session, 'exported', { keyId: key.id, keyRef: key.ref }, { to: 'process', command: path.basename(command) })
  }
  return variables
}

/** Writes the selected keys into a .env file and records where each one went (`usages`). */
export function writeKeysToDotenv(session: VaultSession, file: string, selection: KeySelection, dryRun: boolean): DotenvWrite {
  const selected = select(session, selection)
  const edits = selected.map(({ key, variable }) => ({ variable, value: readSecretValue(session, key.id) }))
  const written = writeDotenvFile(file, edits, { dryRun })
  if (!dryRun) {
    const now = session.clock.now().toISOString()
    for (const { key, variable } of selected) {
      session
        .sql('INSERT INTO usages (key_id, file_path, variable, written_at) VALUES (?, ?, ?, ?) ON CONFLICT (key_id, file_path, variable) DO UPDATE SET written_at = excluded.written_at')
        .run(key.id, written.file, variable, now)
      recordEvent(session, 'exported', { keyId: key.id, keyRef: key.ref }, { to: written.file, variable })
    }
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

/**
 * Imports a .env file (parsed with dotenv's rules): values whose provider is recognised become keys named after
 * their variable; values already in the vault (same fingerprint) are skipped, as are placeholders and names already
 * taken; the rest (URLs, ports, flags) are reported, not imported — a vault of API keys is not a config store.
 * A dry run computes exactly the same report, so it says what the real import then does.
 */
export function importDotenv(session: VaultSession, file: string, environment: string, dryRun: boolean): ImportReport {
  const variables = parse(readDotenvText(file))
  const providers = allProviders(session, builtinProviders)
  const fingerprints = new Map(keyFingerprints(session, false).map((row) => [row.fingerprint, row.ref]))
  const taken = new Set(listKeys(session).map((key) => key.ref))
  const entries: Parameters<typeof importKeys>[1][number][] = []
  const report = { duplicates: [] as { variable: string; existing: string }[], unrecognised: [] as string[], placeholders: [] as string[], conflicts: [] as { variable: string; existing: string }[] }
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
    if (value === '' || provider === 'unknown') {
      if (value !== '' && isPlaceholder(value)) report.placeholders.push(variable)
      else report.unrecognised.push(variable)
      continue
    }
    const pairProvider = pairOf(value)
    if (pairProvider?.pair !== undefined) {
      const pair = pairSecret(pairProvider, variables, variable)
      if (pair === null) {
        report.unrecognised.push(variable)
        continue
      }
      metadata = { [pairProvider.pair.field]: value, [`${pairProvider.pair.field}Variable`]: variable }
      envVar = pair.variable
      value = pair.secret
    }
    const print = fingerprint(session.fingerprintKey, value)
    const existing = fingerprints.get(print)
    if (existing !== undefined) {
      report.duplicates.push({ variable: envVar, existing })
      continue
    }
    const name = envVar.toLowerCase().replace(/_/g, '-')
    const ref = `${provider}/${name}`
    if (taken.has(ref)) {
      report.conflicts.push({ variable: envVar, existing: ref })
      continue
    }
    taken.add(ref)
    fingerprints.set(print, ref)
    entries.push({ key: { provider, name, envVar, environment, notes: `Imported from ${path.resolve(file)}`, metadata }, value })
  }
  if (!dryRun && entries.length > 0) importKeys(session, entries)
  return { created: entries.map((entry) => `${entry.key.provider}/${entry.key.name}`), ...report }
}

/** `.env.example`: every variable of FILE with an empty value, so a project documents what it needs. */
export function writeDotenvExample(file: string, out: string): string[] {
  const names = Object.keys(parse(readDotenvText(file)))
  existingRegularFile(out, false)
  writeFileAtomic(path.resolve(out), names.map((name) => `${name}=`).join('\n') + '\n', 0o644)
  return names
}
