import { randomBytes } from 'node:crypto'
import * as nodeFs from 'node:fs'
import { closeSync, fchmodSync, fsyncSync, openSync, readdirSync, renameSync, rmSync } from 'node:fs'
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

/**
 * The temp file's name: `<name>.keyward-<pid>-<random>.tmp` — so the ignore rules that cover the file (`.env*`) cover
 * its temp too, and a temp whose writer died (killed between write and rename) can be told from one being written.
 */
function tempName(file: string): string {
  return path.join(
    path.dirname(file),
    `${path.basename(file)}.keyward-${process.pid}-${randomBytes(6).toString('hex')}.tmp`,
  )
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Removes the temps a dead writer left beside `file` (each may hold a whole copy of a secrets file); those of a
 * writer still running are left alone. Returns how many went. Runs before every write and in `keyward doctor`.
 */
export function removeStaleTemps(file: string): number {
  const prefix = `${path.basename(file)}.keyward-`
  let names: string[]
  try {
    names = readdirSync(path.dirname(file))
  } catch {
    return 0
  }
  let removed = 0
  for (const name of names) {
    const pid =
      name.startsWith(prefix) && name.endsWith('.tmp') ? Number(name.slice(prefix.length).split('-')[0]) : Number.NaN
    if (!Number.isSafeInteger(pid) || pid <= 0 || alive(pid)) continue
    rmSync(path.join(path.dirname(file), name), { force: true })
    removed += 1
  }
  return removed
}

export function writeFileAtomic(file: string, data: string | Uint8Array, mode = 0o600, io: WriteIo = nodeFs): void {
  const dir = path.dirname(file)
  removeStaleTemps(file)
  const temp = tempName(file)
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
