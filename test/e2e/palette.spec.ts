// The command palette (Ctrl/⌘+K): keys found in main, actions and filters, by keyboard only; cmdk inline must raise
// no CSP violation (app.problems() collects them).
import { expect, test } from '@playwright/test'
import { expectAccessibleInBothThemes } from './axe'
import { appWithVault } from './appWithVault'

const STRIPE = 'sk_live_PaletteWindow000000001'

const launched = appWithVault('keyward-e2e-palette-')

test('Ctrl+K: a key by name, an action, a filter — keyboard only, never a value', async () => {
  const { app } = launched
  const { page } = app
  await page.getByRole('button', { name: 'Add key' }).click()
  await page.getByLabel('Key', { exact: true }).fill(STRIPE)
  await page.getByLabel('Name', { exact: true }).fill('billing')
  await page.getByRole('button', { name: 'Save key' }).click()
  await expect(page.getByRole('dialog')).toBeHidden()
  await page.getByRole('button', { name: 'Health' }).click()

  await page.keyboard.press('Control+K')
  const input = page.getByRole('combobox', { name: 'Command palette' })
  await expect(input).toBeFocused()
  await page.keyboard.type('billing')
  await expect(page.getByRole('group', { name: 'Keys' }).getByRole('option', { name: /stripe\/billing/ })).toBeVisible()
  await expectAccessibleInBothThemes(page, 'command palette')
  expect(await page.content()).not.toContain(STRIPE)
  // "Rotate stripe/billing…" (an action on the selected key) matches too: arrows pick the key itself.
  const keyOption = page.getByRole('group', { name: 'Keys' }).getByRole('option', { name: /stripe\/billing/ })
  for (let press = 0; press < 5 && (await keyOption.getAttribute('aria-selected')) !== 'true'; press++)
    await page.keyboard.press('ArrowDown')
  await expect(keyOption).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('Enter')
  await expect(page.locator('#detail-title')).toHaveText('billing')

  // Each time: the palette has the focus before typing, and the wanted entry is selected before Enter — however
  // slowly the machine renders the filter.
  const choose = async (open: string, typed: string, entry: RegExp) => {
    await page.keyboard.press(open)
    await expect(input).toBeFocused()
    await page.keyboard.type(typed)
    await expect(page.getByRole('option', { selected: true })).toHaveText(entry)
    await page.keyboard.press('Enter')
  }
  await choose('Control+K', 'import', /Import/)
  await expect(page.getByRole('dialog', { name: 'Import .env' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toBeHidden()

  await choose('Control+K', 'never verified', /Never verified/i)
  // The filter is a chip in the search field, the words typed empty.
  await expect(page.getByRole('search').getByRole('button', { name: 'Remove is:unverified' })).toBeVisible()
  await expect(page.getByLabel('Search keys')).toHaveValue('')

  await choose('Control+Shift+P', 'needs', /Needs attention/)
  await expect(page.getByRole('heading', { name: 'Needs attention', level: 1 })).toBeVisible()
  expect(app.problems()).toEqual([])
})
