import { readFileSync, statSync, type Stats } from 'node:fs'
import path from 'node:path'
import { KeywardError } from '../errors'

function statOrNull(file: string): Stats | null {
  try {
    return statSync(file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}

function kind(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory'
  if (stats.isFIFO()) return 'a named pipe'
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device'
  if (stats.isSocket()) return 'a socket'
  return 'not a regular file'
}

/**
 * An existing .env file to read: a regular file, never a FIFO or device (read forever) or a directory.
 * NOT_FOUND when it does not exist and `mustExist`; null when it does not exist otherwise.
 */
export function existingRegularFile(file: string, mustExist: boolean): Stats | null {
  const stats = statOrNull(file)
  if (stats === null) {
    if (mustExist) throw new KeywardError('NOT_FOUND', `${file} does not exist.`)
    const dir = path.dirname(path.resolve(file))
    const parent = statOrNull(dir)
    if (parent === null)
      throw new KeywardError('NOT_FOUND', `The directory ${dir} does not exist; nothing was written.`)
    if (!parent.isDirectory())
      throw new KeywardError('INVALID_INPUT', `${dir} is not a directory; nothing was written.`)
    return null
  }
  if (!stats.isFile())
    throw new KeywardError(
      'INVALID_INPUT',
      `${file} is ${kind(stats)}; Keyward reads and writes only regular .env files.`,
    )
  return stats
}

/** The text of an existing .env file, as UTF-8. */
export function readDotenvText(file: string): string {
  existingRegularFile(file, true)
  return readFileSync(file, 'utf8')
}
