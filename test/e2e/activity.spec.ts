// Activity: the audit trail in the window, filtered by action and key, against the real handlers and vault files.
import { expect, test } from '@playwright/test'
import path from 'node:path'
import { expectAccessibleInBothThemes } from './axe'
import { appWithVault } from './appWithVault'
import { repoRoot } from './harness'

const STRIPE = 'sk_live_ActivityView0000000001'
const launched = appWithVault('keyward-e2e-activity-')

test('the audit trail, newest first, filtered by action and by key; never a value', async () => {
  const { app } = launched
  const { page } = app
  await page.getByRole('button', { name: 'Add key' }).click()
  await page.getByLabel('Key', { exact: true }).fill(STRIPE)
  await page.getByRole('button', { name: 'Save key' }).click()
  await expect(page.getByRole('dialog')).toBeHidden()
  await page.getByRole('button', { name: 'Copy', exact: true }).click()
  await expect(page.getByText(/Copied STRIPE_SECRET_KEY/).first()).toBeAttached()

  await page.getByRole('button', { name: 'Activity' }).click()
  const table = page.getByRole('table')
  await expect(table.getByRole('row').nth(1)).toContainText('copied')
  await expect(table).toContainText('stripe/stripe-secret-key')
  await expect(table).toContainText('vault-created')
  await page.getByLabel('Action').selectOption('copied')
  await expect(table.getByRole('row')).toHaveCount(2)
  await page.getByLabel('Key', { exact: true }).fill('github')
  await expect(page.getByText('Nothing recorded that matches.')).toBeVisible()
  await page.getByLabel('Key', { exact: true }).fill('')
  await page.getByLabel('Action').selectOption('')
  await expect(table.getByRole('row').nth(1)).toContainText('copied')
  await expectAccessibleInBothThemes(page, 'activity')
  await page.screenshot({ path: path.join(repoRoot, 'test-results', 'screenshots', 'activity.png') })
  expect(await page.content()).not.toContain(STRIPE)
  expect(app.problems()).toEqual([])
})
