// A vault larger than the list ever holds: the window reads the rows it shows (and the blocks near them), the
// sidebar's counts come from main, and End, type-ahead and a focused key reach rows the window had never fetched.
import { expect, test } from '@playwright/test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { importKeys } from '../../src-main/core/keys/keyRepository'
import { createVault } from '../../src-main/core/vault/createVault'
import { launchApp, type LaunchedApp } from './harness'
import { inHeap } from './heap'

const PASSWORD = 'a vault of three thousand keys'
const COUNT = 3000
const nameOf = (i: number) => `svc-${String(i).padStart(5, '0')}`
let app: LaunchedApp
let dir: string

test.beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'keyward-e2e-big-'))
  const deps = { clock: { now: () => new Date() }, actor: 'cli' as const, sleep: async () => undefined }
  const kdf = { memoryKiB: 19 * 1024, iterations: 2, parallelism: 1 }
  const { session } = await createVault(path.join(dir, 'vault'), PASSWORD, { kdf }, deps)
  const keys = Array.from({ length: COUNT }, (_, i) => ({
    key: {
      provider: 'stripe',
      name: nameOf(i),
      environment: i % 2 === 0 ? 'production' : 'development',
      tags: i < 10 ? ['first-ten'] : [],
    },
    value: `sk_live_${String(i).padStart(24, '0')}`,
  }))
  importKeys(session, keys)
  session.lock()
  app = await launchApp({ vaultDir: path.join(dir, 'vault') })
})
test.afterEach(async () => {
  await app.close()
  rmSync(dir, { recursive: true, force: true })
})

test('a 3,000-key vault: the window holds only the rows near the visible ones, and still reaches every key', async () => {
  const { page } = app
  await page.getByLabel('Master password').fill(PASSWORD)
  await page.getByLabel('Master password').press('Enter')
  const grid = page.getByRole('grid', { name: 'Keys' })
  await expect(grid).toHaveAttribute('aria-rowcount', String(COUNT))
  const views = page.getByRole('navigation', { name: 'Views' })
  await expect(views.getByRole('button', { name: `All keys ${COUNT}` })).toBeVisible()
  await expect(views.getByRole('button', { name: 'production 1500' })).toBeVisible()
  await expect(views.getByRole('button', { name: 'first-ten 10' })).toBeVisible()
  await expect(page.getByRole('row').first()).toContainText(nameOf(0))
  // The last key's name has never crossed to the renderer: only the first block was asked for.
  if (app.mode === 'chromium') expect(await inHeap(page, nameOf(COUNT - 1))).toBe(false)

  await grid.focus()
  await page.keyboard.press('End')
  await expect(page.locator('#detail-title')).toHaveText(nameOf(COUNT - 1))
  await expect(page.getByRole('row', { selected: true })).toContainText(nameOf(COUNT - 1))
  // Type-ahead asks main for the first name with the prefix, wherever it is in the list.
  await page.keyboard.type('svc-01234')
  await expect(page.locator('#detail-title')).toHaveText(nameOf(1234))
  await page.keyboard.press('ArrowDown')
  await expect(page.locator('#detail-title')).toHaveText(nameOf(1235))
  await page.keyboard.press('Home')
  await expect(page.locator('#detail-title')).toHaveText(nameOf(0))
  // A view narrows to main's answer; clearing it returns to the whole list at the selected key.
  await views.getByRole('button', { name: 'first-ten 10' }).click()
  await expect(grid).toHaveAttribute('aria-rowcount', '10')
  // The view is a chip in the search: Backspace at the start of the field takes it off.
  await page.getByLabel('Search keys').press('Backspace')
  await expect(grid).toHaveAttribute('aria-rowcount', String(COUNT))
  expect(app.problems()).toEqual([])
})
