import { Worker } from 'node:worker_threads'
import { KeywardError, type ErrorCode } from '../errors'
import type { Prepared } from './prepareVault'
import type { VaultFiles } from './vaultFiles'

export interface PrepareRequest {
  readonly dir: string
  /** A copy of the database key, transferred to the worker and wiped there once the connection is keyed. */
  readonly key: Uint8Array
  readonly now: string
  readonly nativeBinding?: string
}

export type PrepareReply =
  | { readonly ok: true; readonly backups: string[] }
  | { readonly ok: false; readonly code: ErrorCode; readonly message: string }

/** Runs `prepareVault` in a worker thread (`workerScript` is the built vaultWorker.js) and waits for it. */
export function prepareInWorker(
  workerScript: string,
  files: VaultFiles,
  databaseKey: Buffer,
  now: Date,
  nativeBinding?: string,
): Promise<Prepared> {
  const key = new Uint8Array(databaseKey)
  const request: PrepareRequest = {
    dir: files.dir,
    key,
    now: now.toISOString(),
    ...(nativeBinding === undefined ? {} : { nativeBinding }),
  }
  return new Promise<Prepared>((resolve, reject) => {
    // Transferred, not copied: after this call the key bytes live only in the worker, which wipes them.
    const worker = new Worker(workerScript, { workerData: request, transferList: [key.buffer] })
    let settled = false
    worker.once('message', (reply: PrepareReply) => {
      settled = true
      if (reply.ok) resolve({ backups: reply.backups })
      else reject(new KeywardError(reply.code, reply.message))
    })
    worker.once('error', (error) => {
      settled = true
      reject(new KeywardError('INTERNAL', `The vault worker failed (${error.name}).`))
    })
    worker.once('exit', (code) => {
      if (!settled) reject(new KeywardError('INTERNAL', `The vault worker stopped (exit ${code}) before it answered.`))
    })
  })
}
