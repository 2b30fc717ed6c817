// A value added through the window is absent from the renderer's heap (CDP heap snapshot after a forced GC) after
// list, search, detail and copy, and after a reveal dialog has closed: it lives in the page only while shown.
import { expect, test } from '@playwright/test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createVaultInWindow } from './createVault'
import { launchApp, type LaunchedApp } from './harness'
import { inHeap } from './heap'

const CANARY = 'sk_live_HeapCanary7q3Zx9Vw2Ld5Mn8'
let app: LaunchedApp
let vaultDir: string

test.beforeEach(async () => {
  vaultDir = mkdtempSync(path.join(tmpdir(), 'keyward-e2e-heap-'))
  app = await launchApp({ vaultDir: path.join(vaultDir, 'vault') })
})
test.afterEach(async () => {
  await app.close()
  rmSync(vaultDir, { recursive: true, force: true })
})

test('the canary value is in the heap only while a reveal shows it', async () => {
  test.skip(app.mode !== 'chromium', 'needs the Chromium harness (CDP on the page)')
  // Three heap snapshots of the whole renderer: seconds each on a busy 2-core machine.
  test.setTimeout(120_000)
  const { page } = app
  await createVaultInWindow(page, 'correct horse battery staple 7')

  await page.getByRole('button', { name: 'Add key' }).click()
  await page.getByLabel('Key', { exact: true }).fill(CANARY)
  await page.getByRole('button', { name: 'Save key' }).click()
  const grid = page.getByRole('grid', { name: 'Keys' })
  await expect(grid.getByRole('row')).toHaveCount(1)
  await page.getByLabel('Search keys').fill('stripe')
  await expect(grid.getByRole('row')).toHaveCount(1)
  await grid.focus()
  await expect(page.getByRole('list', { name: 'Activity' })).toContainText('created')
  await page.getByRole('button', { name: 'Copy', exact: true }).click()
  await expect(page.getByText(/Copied STRIPE_SECRET_KEY/).first()).toBeAttached()
  expect(await inHeap(page, CANARY), 'after add, list, search, detail and copy').toBe(false)

  await page.getByRole('button', { name: 'Reveal' }).click()
  await expect(page.getByTestId('revealed-value')).toHaveText(CANARY)
  expect(await inHeap(page, CANARY), 'while the reveal dialog shows it (proves the probe works)').toBe(true)
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toBeHidden()
  expect(await inHeap(page, CANARY), 'after the reveal dialog closed').toBe(false)
  expect(app.problems()).toEqual([])
})
