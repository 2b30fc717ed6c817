// Worker-thread entry (built to out/main/vaultWorker.js): runs `prepareVault` on a connection of its own, so the
// integrity check, migrations and daily backup of a large vault never block the thread that asked for the unlock.
import { parentPort, workerData } from 'node:worker_threads'
import { openDatabase } from '../db/openDatabase'
import { KeywardError } from '../errors'
import { restoreHint } from './backups'
import { prepareVault } from './prepareVault'
import { wipe } from '../security/secretBuffer'
import { vaultFiles } from './vaultFiles'
import type { PrepareRequest, PrepareReply } from './prepareInWorker'

const request = workerData as PrepareRequest
const files = vaultFiles(request.dir)
let reply: PrepareReply
try {
  const db = openDatabase(files.database, request.key, {
    create: false,
    nativeBinding: request.nativeBinding,
    restoreHint: restoreHint(files),
  })
  wipe(request.key)
  try {
    reply = { ok: true, backups: [...prepareVault(db, files, new Date(request.now)).backups] }
  } finally {
    db.close()
  }
} catch (error) {
  wipe(request.key)
  reply =
    error instanceof KeywardError
      ? { ok: false, code: error.code, message: error.message }
      : {
          ok: false,
          code: 'INTERNAL',
          message: `${error instanceof Error ? error.name : 'error'} while preparing the vault.`,
        }
}
parentPort?.postMessage(reply)
