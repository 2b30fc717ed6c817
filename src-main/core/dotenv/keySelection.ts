import path from 'node:path'
import { parse } from 'dotenv'
import { KeywardError } from '../errors'
import { writeFileAtomic } from '../fs/atomicWrite'
import type { KeyId } from '../keys/keyId'
import type { KeyRecord } from '../keys/keyRecord'
import { listKeys, readKeyById } from '../keys/keyRepository'
import { recordEvent } from '../vault/audit'
import type { VaultSession } from '../vault/VaultSession'
import { existingRegularFile, readDotenvText } from './dotenvFiles'
import type { Assignment } from './pairVariables'
import { recordUsages } from './usageStore'
import { writeDotenvFile, type DotenvWrite } from './writeDotenvFile'

/** Keys into .env files and a command's environment: which keys, by variable; and the `.env.example` of a file. */

/** Which keys to export: every key of an environment, or the named ones. */
export type KeySelection = { readonly environment: string } | { readonly ids: readonly KeyId[] }

export interface Selected {
  readonly key: KeyRecord
  readonly variable: string
}

/** A selected key as assignments: its secret under `variable` first, then a pair's public parts. */
export interface KeyExport extends Selected {
  readonly assignments: readonly Assignment[]
}

/** The chosen keys with their variables: each needs an env var name, and no two may share one. */
export function selectKeys(session: VaultSession, selection: KeySelection): Selected[] {
  const keys =
    'ids' in selection
      ? selection.ids.map((id) => readKeyById(session, id))
      : listKeys(session, { environment: selection.environment }).filter((key) => key.status === 'active')
  if (keys.length === 0)
    throw new KeywardError('NOT_FOUND', 'No keys selected: check the environment or the keys chosen.', {
      action: 'choose-keys',
    })
  const missing = keys.filter((key) => key.envVar === null).map((key) => key.ref)
  if (missing.length > 0)
    throw new KeywardError('INVALID_INPUT', `No env var name for ${missing.join(', ')}: set one first.`, {
      action: 'set-env-var',
    })
  const byVariable = new Map<string, string>()
  for (const key of keys) {
    const other = byVariable.get(key.envVar ?? '')
    if (other !== undefined)
      throw new KeywardError('CONFLICT', `${other} and ${key.ref} both use ${key.envVar ?? ''}: pick one.`, {
        action: 'choose-keys',
      })
    byVariable.set(key.envVar ?? '', key.ref)
  }
  return keys.map((key) => ({ key, variable: key.envVar ?? '' }))
}

/**
 * Writes the keys' assignments (providers/keyExports.ts makes them) into a .env file and records where each key
 * went (`usages`: the secret's variable; a pair's public parts are not tracked).
 */
export function writeKeysToDotenv(
  session: VaultSession,
  file: string,
  exports: readonly KeyExport[],
  dryRun: boolean,
): DotenvWrite {
  const written = writeDotenvFile(
    file,
    exports.flatMap(({ assignments }) => assignments),
    { dryRun },
  )
  if (!dryRun) {
    recordUsages(
      session,
      written.file,
      exports.map(({ key, variable }) => ({ keyId: key.id, variable })),
    )
    for (const { key, variable } of exports)
      recordEvent(session, 'exported', { keyId: key.id, keyRef: key.ref }, { to: written.file, variable })
  }
  return written
}

/** `.env.example`: every variable of FILE with an empty value, so a project documents what it needs. */
export function writeDotenvExample(file: string, out: string): string[] {
  const names = Object.keys(parse(readDotenvText(file)))
  existingRegularFile(out, false)
  writeFileAtomic(path.resolve(out), names.map((name) => `${name}=`).join('\n') + '\n', 0o644)
  return names
}
