// A vault put back to an older copy (vault.db + vault.json from a backup, over the live pair) is noticed: this
// device keeps how far the vault had got outside the vault folder, the unlock says so, and doctor lists it until
// the user accepts it (issue 18).
import { cpSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { initVault, keyward } from '../helpers/cli'
import { tempDir } from '../helpers/testVault'

const temp = tempDir('keyward-rollback-')
const vaultDir = path.join(temp.dir, 'vault')
const env = {
  KEYWARD_VAULT_DIR: vaultDir,
  KEYWARD_PASSWORD: 'rollback tests',
  KEYWARD_STATE_DIR: path.join(temp.dir, 'device-state'),
}
beforeAll(() => initVault(vaultDir, env.KEYWARD_PASSWORD))
afterAll(() => temp.remove())

const add = (name: string) =>
  keyward(['add', name, '--provider', 'solo', '--value-stdin'], { env, input: `value-of-${name}-000` })
const history = async (...extra: string[]) =>
  (await keyward(['doctor', ...extra], { env })).stdout.split('\n').find((line) => line.includes('vault history')) ?? ''

it('restoring an older vault.db + vault.json is said at unlock and listed by doctor until accepted', async () => {
  expect((await add('before')).code).toBe(0)
  const backup = await keyward(['backup'], { env })
  expect(backup.code, backup.stderr).toBe(0)
  expect((await add('after')).code).toBe(0)
  expect(await history()).toMatch(/^ok +vault history: not older/)

  for (const file of ['vault.db', 'vault.json'])
    cpSync(path.join(backup.stdout.trim(), file), path.join(vaultDir, file))
  const list = await keyward(['list'], { env })
  expect(list.code, list.stderr).toBe(0)
  expect(list.stdout).not.toMatch(/after/)
  expect(list.stderr).toMatch(
    /This vault is older than the one this device opened on \d{4}-\d{2}-\d{2}: it was put back to an earlier copy/,
  )
  // Said once; listed by doctor until accepted.
  expect((await keyward(['list'], { env })).stderr).not.toMatch(/older than/)
  expect(await history()).toMatch(/^FAIL +vault history: This vault is older/)
  expect(await history('--accept-restore')).toMatch(/^ok +vault history/)
  expect(await history()).toMatch(/^ok +vault history/)
})
