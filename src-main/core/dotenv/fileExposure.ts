import {
  appendFileSync,
  chmodSync,
  existsSync,
  lstatSync,
  readFileSync,
  realpathSync,
  statSync,
  type Stats,
} from 'node:fs'
import path from 'node:path'
import { KeywardError } from '../errors'
import { gitStatus } from '../process/safeGit'

/** Why a secrets file could leak, each with the fix the window offers (none for a tracked file: it needs a commit). */
export type ExposureKind = 'tracked' | 'not-ignored' | 'readable'

export interface Exposure {
  readonly kind: ExposureKind
  readonly message: string
}

export type ExposureFix = 'gitignore' | 'chmod'

/** Tracked by git (its secrets go into the next commit) or not ignored (they may); nothing outside a work tree. */
export function gitExposure(file: string): Exposure[] {
  const dir = path.dirname(file)
  const name = path.basename(file)
  if (gitStatus(dir, ['rev-parse', '--is-inside-work-tree']) !== 0) return []
  if (gitStatus(dir, ['ls-files', '--error-unmatch', '--', name]) === 0) {
    const message = `${file} is tracked by git: its secrets will be in the next commit. Remove it from the index (git rm --cached) and ignore it.`
    return [{ kind: 'tracked', message }]
  }
  if (gitStatus(dir, ['check-ignore', '-q', '--', name]) !== 0) {
    return [
      { kind: 'not-ignored', message: `${file} is not ignored by git: add it to .gitignore before it is committed.` },
    ]
  }
  return []
}

/** Group or world bits on a file holding secrets (never on Windows, where modes mean nothing). */
export function modeExposure(file: string, stats: Stats | null): Exposure[] {
  if (stats === null || process.platform === 'win32' || (stats.mode & 0o077) === 0) return []
  const mode = (stats.mode & 0o777).toString(8)
  return [{ kind: 'readable', message: `${file} is readable by other users (mode ${mode}): run chmod 600 ${file}.` }]
}

/** Everything that could expose the file, in the order the window lists it. */
export function fileExposure(file: string): Exposure[] {
  const stats = existsSync(file) ? statSync(file) : null
  return [...gitExposure(file), ...modeExposure(file, stats)]
}

/**
 * The one-click fixes: `/name` appended to the `.gitignore` beside the file (git applies a nested .gitignore to its
 * own directory; the leading slash matches this file only), or the mode set to 0600. What remains is returned.
 */
export function fixExposure(file: string, fix: ExposureFix): Exposure[] {
  if (fix === 'chmod') {
    if (!existsSync(file)) throw new KeywardError('NOT_FOUND', `${file} does not exist.`)
    staysInFolder(file, path.dirname(file))
    chmodSync(file, 0o600)
  } else {
    // A file about to be created may be ignored first: only its directory needs to exist.
    const ignore = path.join(path.dirname(file), '.gitignore')
    staysInFolder(ignore, path.dirname(file))
    const entry = `/${path.basename(file)}`
    const current = existsSync(ignore) ? readFileSync(ignore, 'utf8') : ''
    if (!current.split(/\r?\n/).includes(entry)) {
      const separator = current === '' || current.endsWith('\n') ? '' : '\n'
      appendFileSync(ignore, `${separator}${entry}\n`, { mode: 0o644 })
    }
  }
  return fileExposure(file)
}

/**
 * The fixes change the granted file and the .gitignore beside it — never, through a symbolic link, a file in
 * another folder (`.env -> ~/.ssh/config` must not become 0600 or grow a line). A link within the folder is fine.
 */
function staysInFolder(target: string, folder: string): void {
  let link: boolean
  try {
    link = lstatSync(target).isSymbolicLink()
  } catch {
    return // Not there yet: it is created in the folder itself.
  }
  if (!link) return
  let real: string
  try {
    real = realpathSync(target)
  } catch {
    throw new KeywardError('DOTENV_UNSAFE', `${target} is a link to nothing; Keyward changes nothing through it.`)
  }
  if (path.dirname(real) !== realpathSync(folder)) {
    throw new KeywardError(
      'DOTENV_UNSAFE',
      `${target} is a link to ${real}, outside ${folder}; Keyward changes nothing through it.`,
    )
  }
}
