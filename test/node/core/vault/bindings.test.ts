// The associated data of every box binds it to its place: a slot to its vault and slot name, a sealed value to
// its row, a pending rotation to its key. Moved anywhere else, a box does not open — and says so.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { createKey, readSecretValue } from '../../../../src-main/core/keys/keyRepository'
import { writePendingRotation } from '../../../../src-main/core/providers/pendingRotations'
import { openPasswordSlot, openRecoverySlot } from '../../../../src-main/core/vault/slots'
import { readHeader } from '../../../../src-main/core/vault/header'
import { unlockWithPassword } from '../../../../src-main/core/vault/unlockVault'
import { vaultFiles } from '../../../../src-main/core/vault/vaultFiles'
import { newTestVault, PASSWORD, tempDir, testDeps } from '../../helpers/testVault'

let temp: ReturnType<typeof tempDir>
beforeEach(() => void (temp = tempDir('keyward-aad-')))
afterEach(() => temp.remove())

it('a password or recovery slot copied under another vault id (another vault) does not open', async () => {
  const { session, recoveryCode } = await newTestVault(temp.dir)
  session.lock()
  const header = readHeader(vaultFiles(path.join(temp.dir, 'vault')))
  expect(await openPasswordSlot(header, PASSWORD)).not.toBeNull()
  const elsewhere = { ...header, vaultId: '00000000-0000-4000-8000-000000000000' }
  expect(await openPasswordSlot(elsewhere, PASSWORD)).toBeNull()
  expect(openRecoverySlot(header, recoveryCode)).not.toBeNull()
  expect(openRecoverySlot(elsewhere, recoveryCode)).toBeNull()
})

it("a sealed value copied into another row does not open: VAULT_CORRUPT, never the other key's value", async () => {
  const { session } = await newTestVault(temp.dir)
  const a = createKey(session, { provider: 'solo', name: 'a' }, 'value-of-a-0000000').key
  const b = createKey(session, { provider: 'solo', name: 'b' }, 'value-of-b-0000000').key
  session
    .sql('UPDATE secret_versions SET sealed = (SELECT sealed FROM secret_versions WHERE key_id = ?) WHERE key_id = ?')
    .run(a.id, b.id)
  expect(readSecretValue(session, a.id)).toBe('value-of-a-0000000')
  expect(() => readSecretValue(session, b.id)).toThrow(expect.objectContaining({ code: 'VAULT_CORRUPT' }) as Error)
  session.lock()
})

it('a pending rotation renamed to another key is quarantined, never applied to it', async () => {
  const { session } = await newTestVault(temp.dir)
  const a = createKey(session, { provider: 'solenoid-meter', name: 'a' }, 'sm_value_of_a_000000000').key
  const b = createKey(session, { provider: 'solenoid-meter', name: 'b' }, 'sm_value_of_b_000000000').key
  const file = writePendingRotation(session, a.id, 'sm_new_value_for_a_00000')
  session.lock()
  const record = JSON.parse(readFileSync(file, 'utf8')) as { keyId: string }
  writeFileSync(file, JSON.stringify({ ...record, keyId: b.id }))
  const reopened = await unlockWithPassword(path.join(temp.dir, 'vault'), PASSWORD, testDeps())
  expect(reopened.quarantinedRotations).toHaveLength(1)
  expect(readSecretValue(reopened, b.id)).toBe('sm_value_of_b_000000000')
  expect(readSecretValue(reopened, a.id)).toBe('sm_value_of_a_000000000')
  expect(readdirSync(path.join(temp.dir, 'vault', 'pending-rotations', 'quarantine'))).toHaveLength(1)
  reopened.lock()
})
