import { existsSync, lstatSync, readFileSync, realpathSync } from 'node:fs'
import path from 'node:path'
import { KeywardError } from '../errors'
import { writeFileAtomic, type WriteIo } from '../fs/atomicWrite'
import { existingRegularFile } from './dotenvFiles'
import { mergeDotenv, type DotenvEdit, type MergeResult } from './mergeDotenv'
import { gitExposure, modeExposure } from './fileExposure'

export interface DotenvWrite extends Omit<MergeResult, 'text' | 'replacements'> {
  /** The file actually written (a symlink inside the same directory is followed). */
  readonly file: string
  readonly created: boolean
  /** Reasons the file may leak: tracked by git, or not ignored. */
  readonly warnings: readonly string[]
}

/** The real file to write: a symlink may point within the same directory, never out of it. */
export function targetFile(file: string): string {
  const absolute = path.resolve(file)
  if (!existsSync(absolute) || !lstatSync(absolute).isSymbolicLink()) return absolute
  const real = realpathSync(absolute)
  if (path.dirname(real) !== realpathSync(path.dirname(absolute))) {
    throw new KeywardError(
      'INVALID_INPUT',
      `${file} is a symlink to ${real}, outside its directory; Keyward does not follow it. Nothing was written.`,
    )
  }
  return real
}

/** Why a written secrets file could end up in a commit; empty outside a git work tree or without git. */
export function gitWarnings(file: string): string[] {
  return gitExposure(file).map((exposure) => exposure.message)
}

/**
 * Merges variables into a .env file on disk: format-preserving (mergeDotenv), atomic (temp file in the same
 * directory, fsync, rename, fsync of the directory), keeping an existing file's mode and creating new ones 0600.
 * On any failure the original file is left byte for byte as it was.
 */
export function writeDotenvFile(
  file: string,
  edits: readonly DotenvEdit[],
  options: { dryRun?: boolean; io?: WriteIo } = {},
): DotenvWrite {
  const target = targetFile(file)
  const stats = existingRegularFile(target, false)
  const exists = stats !== null
  const original = exists ? readFileSync(target, 'utf8') : ''
  const merged = mergeDotenv(original, edits)
  const changed = merged.updated.length > 0 || merged.added.length > 0
  if (options.dryRun !== true && changed) {
    writeFileAtomic(target, merged.text, exists ? stats.mode & 0o777 : 0o600, options.io)
  }
  const warnings = [...modeExposure(target, stats), ...gitExposure(target)].map((exposure) => exposure.message)
  return {
    file: target,
    created: !exists,
    updated: merged.updated,
    added: merged.added,
    unchanged: merged.unchanged,
    warnings,
  }
}
