// After wrong passwords the unlock screen shows the wait as a countdown (the attempt counter lives in the vault's
// header, shared with the CLI), keeps Unlock disabled until it ends, then unlocks.
import { expect, test } from '@playwright/test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createVault } from '../../src-main/core/vault/createVault'
import { updateHeader } from '../../src-main/core/vault/header'
import { launchApp, type LaunchedApp } from './harness'

const PASSWORD = 'the right password after a wait'
let app: LaunchedApp
let dir: string

test.beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'keyward-e2e-wait-'))
  const deps = { clock: { now: () => new Date() }, actor: 'cli' as const, sleep: async () => undefined }
  const { session } = await createVault(
    path.join(dir, 'vault'),
    PASSWORD,
    { kdf: { memoryKiB: 19 * 1024, iterations: 2, parallelism: 1 } },
    deps,
  )
  // As after seven wrong passwords in a row (from the CLI, say): the next attempt is checked in 3 s.
  updateHeader(session.files, (latest) => ({
    ...latest,
    throttle: { failures: 7, notBefore: new Date(Date.now() + 10_000).toISOString() },
  }))
  session.lock()
  app = await launchApp({ vaultDir: path.join(dir, 'vault') })
})
test.afterEach(async () => {
  await app.close()
  rmSync(dir, { recursive: true, force: true })
})

test('the throttle wait is a countdown; Unlock is disabled until it ends, then the right password opens', async () => {
  const { page } = app
  const unlock = page.getByRole('button', { name: 'Unlock', exact: true })
  // 10 s, so a slow launch on a busy machine still finds the wait running.
  await expect(page.getByTestId('unlock-wait')).toHaveText(/^Try again in ([1-9]|10) s\.$/)
  await expect(unlock).toBeDisabled()
  await page.getByLabel('Master password').fill(PASSWORD)
  await expect(page.getByTestId('unlock-wait')).toBeHidden({ timeout: 15_000 })
  await expect(unlock).toBeEnabled()
  await page.getByLabel('Master password').press('Enter')
  await expect(
    page.getByRole('grid', { name: 'Keys' }).or(page.getByRole('heading', { name: 'Paste an API key' })),
  ).toBeVisible()
  expect(app.problems()).toEqual([])
})
