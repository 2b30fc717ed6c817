import { closeSync, openSync, rmSync, statSync, writeSync } from 'node:fs'
import { KeywardError } from '../errors'

/** A holder keeps the lock for milliseconds (read, change, write one small file); older than this it died holding it. */
const STALE_AFTER_MS = 10_000
const GIVE_UP_AFTER_MS = 15_000
const RETRY_MS = 5

const sleeper = new Int32Array(new SharedArrayBuffer(4))

function sleepSync(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms)
}

function tryAcquire(lockFile: string): boolean {
  try {
    const fd = openSync(lockFile, 'wx', 0o600)
    writeSync(fd, String(process.pid))
    closeSync(fd)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    return false
  }
}

function removeIfStale(lockFile: string): void {
  try {
    if (Date.now() - statSync(lockFile).mtimeMs > STALE_AFTER_MS) rmSync(lockFile, { force: true })
  } catch {
    // Released between our attempt and the stat: the next attempt takes it.
  }
}

/**
 * Runs `work` holding an exclusive lock file (`O_CREAT | O_EXCL`), across processes: the app and any number of
 * CLI commands. Synchronous on purpose: the work is a read-modify-write of one small file, and a synchronous
 * section cannot interleave with another update in this process either. A lock left by a crashed holder is
 * broken after 10 s. (proper-lockfile's lockSync cannot wait for a held lock, which is the case that matters.)
 */
export function withFileLockSync<T>(lockFile: string, work: () => T): T {
  const started = Date.now()
  while (!tryAcquire(lockFile)) {
    if (Date.now() - started > GIVE_UP_AFTER_MS) {
      throw new KeywardError(
        'VAULT_BUSY',
        `Another Keyward process holds ${lockFile}. Try again; if no Keyward runs, delete that file.`,
      )
    }
    removeIfStale(lockFile)
    sleepSync(RETRY_MS)
  }
  try {
    return work()
  } finally {
    rmSync(lockFile, { force: true })
  }
}
