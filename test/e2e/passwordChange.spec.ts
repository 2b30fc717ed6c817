// The window after a password change a crash interrupted (issue 18): the unlock that meets a change whose recovery
// code was never shown shows a new one as the recovery kit, with why — and that code opens the vault.
import { expect, test } from '@playwright/test'
import { cpSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import { updateHeader } from '../../src-main/core/vault/header'
import { unlockWithRecoveryCode } from '../../src-main/core/vault/unlockVault'
import { vaultFiles } from '../../src-main/core/vault/vaultFiles'
import { VaultLock } from '../../src-main/core/vault/vaultLock'
import { appWithVault, WINDOW_PASSWORD } from './appWithVault'

const context = appWithVault('keyward-e2e-passwd-')

test('an unlock that owes a recovery code shows it as the kit, says why, and the code works', async () => {
  const { page } = context.app
  await page.getByRole('button', { name: 'Lock' }).click()
  // What an unlock leaves after finishing a change killed after its commit point, with no terminal to show a code on.
  updateHeader(vaultFiles(path.join(context.dir, 'vault')), (latest) => ({ ...latest, recoveryCodeUnseen: true }))
  await page.getByLabel('Master password').fill(WINDOW_PASSWORD)
  await page.getByRole('button', { name: 'Unlock' }).click()
  await expect(page.getByRole('heading', { name: 'Save your recovery kit' })).toBeVisible({ timeout: 15_000 })
  await expect(page.getByRole('status')).toContainText('its new recovery code was never shown')
  const code = (await page.locator('.code-group').allTextContents()).join('-')
  for (const label of await page.getByText(/^Group \d$/).allTextContents())
    await page.getByLabel(label).fill(code.split('-')[Number(label.slice(6)) - 1] ?? '')
  await page.getByRole('button', { name: 'I saved it — continue' }).click()
  await page.getByRole('button', { name: 'Lock' }).click()
  await expect(page.getByRole('heading', { name: 'Unlock your vault' })).toBeVisible()
  const session = await unlockWithRecoveryCode(path.join(context.dir, 'vault'), code, {
    clock: { now: () => new Date() },
    actor: 'cli',
    sleep: async () => undefined,
  })
  session.lock()
  expect(context.app.problems()).toEqual([])
})

test('an unlock while another Keyward changes the password waits, says so after a second, then opens', async () => {
  const { page } = context.app
  await page.getByRole('button', { name: 'Lock' }).click()
  // Another process's password change holds the vault to itself (the lock it takes; released when it is done).
  const change = VaultLock.tryTake(vaultFiles(path.join(context.dir, 'vault')), 'exclusive')
  expect(change).not.toBeNull()
  await page.getByLabel('Master password').fill(WINDOW_PASSWORD)
  await page.getByRole('button', { name: 'Unlock' }).click()
  await expect(page.getByRole('status')).toContainText('Waiting for a password change in another Keyward', {
    timeout: 10_000,
  })
  await expect(page.getByRole('heading', { name: 'Unlock your vault' })).toBeVisible()
  change?.release()
  await expect(page.getByRole('heading', { name: 'Your keys' })).toBeVisible({ timeout: 15_000 })
  expect(context.app.problems()).toEqual([])
})

test('a vault put back to an older copy is said after the unlock, until dismissed', async () => {
  const { page } = context.app
  const vault = path.join(context.dir, 'vault')
  const older = path.join(context.dir, 'older')
  await page.getByRole('button', { name: 'Lock' }).click()
  mkdirSync(older)
  for (const file of ['vault.db', 'vault.json']) cpSync(path.join(vault, file), path.join(older, file))
  // The vault moves on (an unlock and a lock are in its audit trail), then the older copy is put back.
  await page.getByLabel('Master password').fill(WINDOW_PASSWORD)
  await page.getByRole('button', { name: 'Unlock' }).click()
  await expect(page.getByRole('heading', { name: 'Your keys' })).toBeVisible({ timeout: 15_000 })
  await expect(page.getByRole('status', { name: 'After unlocking' })).toHaveCount(0)
  await page.getByRole('button', { name: 'Lock' }).click()
  for (const file of ['vault.db', 'vault.json']) cpSync(path.join(older, file), path.join(vault, file))
  await page.getByLabel('Master password').fill(WINDOW_PASSWORD)
  await page.getByRole('button', { name: 'Unlock' }).click()
  const notice = page.getByRole('status', { name: 'After unlocking' })
  await expect(notice).toContainText('This vault is older than the one this device opened on')
  await notice.getByRole('button', { name: 'Dismiss' }).click()
  await expect(notice).toHaveCount(0)
  expect(context.app.problems()).toEqual([])
})
