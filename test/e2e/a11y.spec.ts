// axe on every screen of the window, in light and dark, and with forced colors: no violation.
import AxeBuilder from '@axe-core/playwright'
import { detailAction } from './keyboard'
import { expect, test, type Page } from '@playwright/test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { launchApp, repoRoot, type LaunchedApp } from './harness'

const PASSWORD = 'correct horse battery staple 7'
let app: LaunchedApp
let vaultDir: string

test.beforeEach(async () => {
  vaultDir = mkdtempSync(path.join(tmpdir(), 'keyward-e2e-a11y-'))
  app = await launchApp({ vaultDir: path.join(vaultDir, 'vault') })
})
test.afterEach(async () => {
  await app.close()
  rmSync(vaultDir, { recursive: true, force: true })
})

const shots = path.join(repoRoot, 'test-results', 'screenshots')

/** axe in each mode; a screenshot of the screen in each theme (test artifacts). */
async function noViolations(page: Page, screen: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const forcedColors of ['none', 'active'] as const) {
      await page.emulateMedia({ colorScheme, forcedColors })
      if (forcedColors === 'none')
        await page.screenshot({ path: path.join(shots, `${screen.replace(/\W+/g, '-')}-${colorScheme}.png`) })
      const results = await new AxeBuilder({ page }).analyze()
      const found = results.violations.map(
        (violation) =>
          `${violation.id}: ${violation.nodes.map((node) => `${node.target.join(' ')} ${node.failureSummary ?? ''}`).join(', ')}`,
      )
      expect(found, `${screen} (${colorScheme}, forced colors ${forcedColors})`).toEqual([])
    }
  }
}

test('every screen passes axe in light, dark and forced colors', async () => {
  // 48 axe runs (12 screens × 4 modes) at ~1.2 s each here — each opens a page of its own to merge frame results —
  // so a minute idle, more on a busy machine: the 30 s default would make this test depend on machine speed.
  test.setTimeout(180_000)
  const { page } = app
  await expect(page.getByRole('heading', { name: 'Create your vault' })).toBeVisible()
  await noViolations(page, 'create vault')
  await page.getByLabel('Master password').fill(PASSWORD)
  await page.getByLabel('Confirm the password').fill(PASSWORD)
  await page.getByRole('button', { name: 'Create vault' }).click()
  await expect(page.getByRole('heading', { name: 'Save your recovery kit' })).toBeVisible({ timeout: 15_000 })
  await noViolations(page, 'recovery kit')
  const groups = await page.locator('.code-group').allTextContents()
  for (const label of await page.getByText(/^Group \d$/).allTextContents())
    await page.getByLabel(label).fill(groups[Number(label.slice(6)) - 1] ?? '')
  await page.getByRole('button', { name: 'I saved it — continue' }).click()
  await expect(page.getByRole('heading', { name: 'Paste an API key' })).toBeVisible()
  await noViolations(page, 'empty vault')
  await page.getByRole('button', { name: 'Add key' }).click()
  await noViolations(page, 'add key')
  await page.getByLabel('Key', { exact: true }).fill('sk_live_4eC39HqLyjWDarjtT1zdp7dc')
  await page.getByRole('button', { name: 'Save key' }).click()
  await expect(page.getByRole('grid', { name: 'Keys' }).getByRole('row')).toHaveCount(1)
  await page.getByRole('grid', { name: 'Keys' }).focus()
  await noViolations(page, 'key list and detail')
  await page.getByRole('button', { name: 'Reveal' }).click()
  await expect(page.getByTestId('revealed-value')).not.toHaveText('••••••••')
  await noViolations(page, 'reveal dialog')
  await page.keyboard.press('Escape')
  await detailAction(page, 'Delete…')
  await noViolations(page, 'delete dialog')
  await page.keyboard.press('Escape')
  await detailAction(page, 'Edit')
  await noViolations(page, 'edit dialog')
  await page.keyboard.press('Escape')
  await detailAction(page, 'New value…')
  await noViolations(page, 'new value dialog')
  await page.keyboard.press('Escape')
  await page.getByRole('button', { name: 'Settings' }).click()
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible()
  await expect(page.getByLabel('Auto-lock after')).toBeVisible()
  await noViolations(page, 'settings')
  await page.getByRole('button', { name: 'Settings' }).click()
  await page.getByRole('button', { name: 'Lock' }).click()
  await expect(page.getByRole('heading', { name: 'Unlock your vault' })).toBeVisible()
  await noViolations(page, 'unlock')
  await page.getByRole('button', { name: 'About' }).click()
  await expect(page.getByTestId('app-version')).toBeVisible()
  await noViolations(page, 'about')
  expect(app.problems()).toEqual([])
})
