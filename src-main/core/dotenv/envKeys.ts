import { readFileSync } from 'node:fs'
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
import { recordEvent } from '../vault/audit'
import type { VaultSession } from '../vault/VaultSession'
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
}

/**
 * Imports a .env file (parsed with dotenv's rules): values whose provider is recognised become keys named after
 * their variable; values already in the vault (same fingerprint) are skipped; the rest (URLs, ports, flags) are
 * reported, not imported — a vault of API keys is not a config store.
 */
export function importDotenv(session: VaultSession, file: string, environment: string, dryRun: boolean): ImportReport {
  const variables = parse(readFileSync(file, 'utf8'))
  const providers = allProviders(session, builtinProviders)
  const fingerprints = new Map(keyFingerprints(session, false).map((row) => [row.fingerprint, row.ref]))
  const entries: Parameters<typeof importKeys>[1][number][] = []
  const duplicates: { variable: string; existing: string }[] = []
  const unrecognised: string[] = []
  for (const [variable, value] of Object.entries(variables)) {
    const provider = detectProvider(value, providers)
    if (provider === 'unknown' || value === '') {
      unrecognised.push(variable)
      continue
    }
    const existing = fingerprints.get(fingerprint(session.fingerprintKey, value))
    if (existing !== undefined) {
      duplicates.push({ variable, existing })
      continue
    }
    fingerprints.set(fingerprint(session.fingerprintKey, value), `${provider}/${variable}`)
    entries.push({ key: { provider, name: variable.toLowerCase().replace(/_/g, '-'), envVar: variable, environment, notes: `Imported from ${path.resolve(file)}` }, value })
  }
  if (!dryRun && entries.length > 0) importKeys(session, entries)
  return { created: entries.map((entry) => `${entry.key.provider}/${entry.key.name}`), duplicates, unrecognised }
}

/** `.env.example`: every variable of FILE with an empty value, so a project documents what it needs. */
export function writeDotenvExample(file: string, out: string): string[] {
  const names = Object.keys(parse(readFileSync(file, 'utf8')))
  writeFileAtomic(path.resolve(out), names.map((name) => `${name}=`).join('\n') + '\n', 0o644)
  return names
}
