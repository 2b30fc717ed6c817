import { existsSync, lstatSync, readFileSync, realpathSync } from 'node:fs'
import path from 'node:path'
import { KeywardError } from '../errors'
import { writeFileAtomic, type WriteIo } from '../fs/atomicWrite'
import { existingRegularFile, permissionWarning } from './dotenvFiles'
import { mergeDotenv, type DotenvEdit, type MergeResult } from './mergeDotenv'
import { gitStatus } from '../process/safeGit'

export interface DotenvWrite extends Omit<MergeResult, 'text' | 'replacements'> {
  /** The file actually written (a symlink inside the same directory is followed). */
  readonly file: string
  readonly created: boolean
  /** Reasons the file may leak: tracked by git, or not ignored. */
  readonly warnings: readonly string[]
}

/** The real file to write: a symlink may point within the same directory, never out of it. */
function targetFile(file: string): string {
  const absolute = path.resolve(file)
  if (!existsSync(absolute) || !lstatSync(absolute).isSymbolicLink()) return absolute
  const real = realpathSync(absolute)
  if (path.dirname(real) !== realpathSync(path.dirname(absolute))) {
    throw new KeywardError('INVALID_INPUT', `${file} is a symlink to ${real}, outside its directory; Keyward does not follow it. Nothing was written.`)
  }
  return real
}

/** Why a written secrets file could end up in a commit; empty outside a git work tree or without git. */
export function gitWarnings(file: string): string[] {
  const dir = path.dirname(file)
  const name = path.basename(file)
  if (gitStatus(dir, ['rev-parse', '--is-inside-work-tree']) !== 0) return []
  if (gitStatus(dir, ['ls-files', '--error-unmatch', '--', name]) === 0) return [`${file} is tracked by git: its secrets will be in the next commit. Remove it from the index (git rm --cached) and ignore it.`]
  if (gitStatus(dir, ['check-ignore', '-q', '--', name]) !== 0) return [`${file} is not ignored by git: add it to .gitignore before it is committed.`]
  return []
}

/**
 * Merges variables into a .env file on disk: format-preserving (mergeDotenv), atomic (temp file in the same
 * directory, fsync, rename, fsync of the directory), keeping an existing file's mode and creating new ones 0600.
 * On any failure the original file is left byte for byte as it was.
 */
export function writeDotenvFile(file: string, edits: readonly DotenvEdit[], options: { dryRun?: boolean; io?: WriteIo } = {}): DotenvWrite {
  const target = targetFile(file)
  const stats = existingRegularFile(target, false)
  const exists = stats !== null
  const original = exists ? readFileSync(target, 'utf8') : ''
  const merged = mergeDotenv(original, edits)
  const changed = merged.updated.length > 0 || merged.added.length > 0
  if (options.dryRun !== true && changed) {
    writeFileAtomic(target, merged.text, exists ? stats.mode & 0o777 : 0o600, options.io)
  }
  const warnings = [...permissionWarning(target, stats), ...gitWarnings(target)]
  return { file: target, created: !exists, updated: merged.updated, added: merged.added, unchanged: merged.unchanged, warnings }
}
