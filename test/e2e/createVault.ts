import { expect, type Page } from '@playwright/test'

/** Creates a vault through the window and types the recovery kit back, as a user must before the vault opens. */
export async function createVaultInWindow(page: Page, password: string): Promise<void> {
  await page.getByLabel('Master password').fill(password)
  await page.getByLabel('Confirm the password').fill(password)
  await page.getByRole('button', { name: 'Create vault' }).click()
  await expect(page.getByRole('heading', { name: 'Save your recovery kit' })).toBeVisible({ timeout: 15_000 })
  const groups = await page.locator('.code-group').allTextContents()
  for (const label of await page.getByText(/^Group \d$/).allTextContents())
    await page.getByLabel(label).fill(groups[Number(label.slice(6)) - 1] ?? '')
  await page.getByRole('button', { name: 'I saved it — continue' }).click()
}
