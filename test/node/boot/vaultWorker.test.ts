// The BUILT vault worker (out/main/vaultWorker.js): the app prepares a vault at unlock in a worker thread.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { importKeys } from '../../../src-main/core/keys/keyRepository'
import { auditEvents } from '../../../src-main/core/vault/audit'
import { VaultService } from '../../../src-main/core/vault/VaultService'
import { FAST_KDF, PASSWORD, tempDir, testDeps } from '../helpers/testVault'
import { repoRoot } from './loadMainBundle'

const vaultWorker = path.join(repoRoot, 'out', 'main', 'vaultWorker.js')
let temp: ReturnType<typeof tempDir>
beforeEach(() => void (temp = tempDir('keyward-worker-')))
afterEach(() => temp.remove())

async function lockedVault(keys: number): Promise<VaultService> {
  const service = new VaultService({ ...testDeps(), dir: path.join(temp.dir, 'vault'), vaultWorker })
  await service.create(PASSWORD, { kdf: FAST_KDF })
  await service.run(({ session }) =>
    importKeys(
      session,
      Array.from({ length: keys }, (_, i) => ({
        key: { provider: 'bulk', name: `k${i}`, notes: 'n'.repeat(300) },
        value: `value-${i}-0000000000`,
      })),
    ),
  )
  await service.lock('user')
  return service
}

it('takes the daily backup in the worker and records it in the audit trail', async () => {
  const service = await lockedVault(3)
  await service.unlock({ password: PASSWORD })
  const backups = readdirSync(service.files.backups)
  expect(backups.filter((name) => name.endsWith('-daily'))).toHaveLength(1)
  const events = await service.run(({ session }) =>
    auditEvents(session, 3).map((event) => [event.action, event.detail]),
  )
  expect(events).toContainEqual(['backup', { name: backups.find((name) => name.endsWith('-daily')) }])
  await service.lock('user')
})

it("a page damaged where an open does not read fails the worker's integrity check as VAULT_CORRUPT; nothing stays unlocked", async () => {
  const service = await lockedVault(400)
  const bytes = readFileSync(service.files.database)
  bytes.fill(0x13, bytes.length - 4096 * 3, bytes.length - 4096 * 2)
  writeFileSync(service.files.database, bytes)
  await expect(service.unlock({ password: PASSWORD })).rejects.toMatchObject({
    code: 'VAULT_CORRUPT',
    message: expect.stringContaining('vault.db'),
  })
  expect(service.state).toBe('locked')
})
