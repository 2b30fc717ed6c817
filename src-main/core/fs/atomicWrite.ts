import { randomBytes } from 'node:crypto'
import * as nodeFs from 'node:fs'
import { closeSync, fchmodSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs'
import path from 'node:path'

/** Flushes a directory entry (a rename) to disk. Windows cannot open directories; there rename is durable enough. */
export function fsyncDirectory(dir: string): void {
  if (process.platform === 'win32') return
  const fd = openSync(dir, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/**
 * Replaces `file` with `data` so that a crash leaves either the old or the new content, never a mix: temp file in
 * the same directory, fsync, rename over the target, fsync the directory.
 */
/** The write call, a port so a test can make the disk fill up halfway. */
export interface WriteIo {
  writeSync(fd: number, buffer: Uint8Array, offset: number, length: number): number
}

export function writeFileAtomic(file: string, data: string | Uint8Array, mode = 0o600, io: WriteIo = nodeFs): void {
  const dir = path.dirname(file)
  const temp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`)
  const fd = openSync(temp, 'wx', mode)
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data
    let written = 0
    while (written < bytes.length) written += io.writeSync(fd, bytes, written, bytes.length - written)
    // Exactly `mode`, whatever the umask: an existing file keeps its permissions.
    if (process.platform !== 'win32') fchmodSync(fd, mode)
    fsyncSync(fd)
  } catch (error) {
    closeSync(fd)
    rmSync(temp, { force: true })
    throw error
  }
  closeSync(fd)
  try {
    renameSync(temp, file)
  } catch (error) {
    rmSync(temp, { force: true })
    throw error
  }
  fsyncDirectory(dir)
}
