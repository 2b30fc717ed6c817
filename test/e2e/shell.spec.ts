// The window people prefer (issue 22): a persistent sidebar that is one tab stop, shortcuts to pages and views, the
// Trash (move, Undo, restore, delete forever), and a layout that fits a narrow window — by keyboard, checked with axe,
// photographed for the README in both themes at 1280×800 and 900×700.
import { expect, type Page } from '@playwright/test'
import path from 'node:path'
import { test } from '@playwright/test'
import { appWithVault } from './appWithVault'
import { expectAccessibleInBothThemes } from './axe'
import { memoryClipboard, readmeShots } from './harness'
import { detailAction } from './keyboard'

const clipboard = memoryClipboard()
const launched = appWithVault('keyward-e2e-shell-', () => ({ clipboard }))
const GITHUB = 'ghp_16C7e42F292c6912E7710c838347Ae178B4a'
const STRIPE = 'sk_live_ShellWindow000000000001'

async function add(page: Page, value: string, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Add key' }).click()
  await page.getByLabel('Key', { exact: true }).fill(value)
  await page.getByLabel('Name', { exact: true }).fill(name)
  await page.getByRole('button', { name: 'Save key' }).click()
  await expect(page.getByRole('dialog')).toBeHidden()
}

const sidebar = (page: Page) => page.getByRole('complementary', { name: 'Sidebar' })
const views = (page: Page) => page.getByRole('navigation', { name: 'Views' })
const rows = (page: Page) => page.getByRole('grid', { name: 'Keys' }).getByRole('row')

test('the sidebar is one tab stop moved with arrows; Ctrl+1…9, Ctrl+, and Esc reach views and pages', async () => {
  const { page } = launched.app
  await add(page, GITHUB, 'ci-bot')
  await add(page, STRIPE, 'billing')
  const keys = page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name: 'Keys' })
  await keys.focus()
  await expect(sidebar(page).locator('[tabindex="0"]')).toHaveCount(1)
  await page.keyboard.press('ArrowDown')
  await expect(page.getByRole('button', { name: 'Needs attention', exact: true })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'Needs attention', level: 1 })).toBeVisible()
  // Tab leaves the sidebar in one press, wherever focus was in it.
  await page.keyboard.press('Tab')
  expect(await page.evaluate(() => document.activeElement?.closest('.sidebar') === null)).toBe(true)

  await page.keyboard.press('Escape')
  await expect(page.getByRole('grid', { name: 'Keys' })).toBeVisible()
  await page.keyboard.press('Control+,')
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible()
  await page.keyboard.press('Control+1')
  await expect(rows(page)).toHaveCount(2)
  await expect(views(page).getByRole('button', { name: /^All keys/ })).toHaveAttribute('aria-current', 'page')
  await page.keyboard.press('Control+5')
  await expect(views(page).getByRole('button', { name: /^Never verified/ })).toHaveAttribute('aria-current', 'page')
  await expect(rows(page)).toHaveCount(2)
  expect(launched.app.problems()).toEqual([])
})

test('Delete moves a key to the Trash with Undo; the Trash restores it or deletes it forever, the name typed', async () => {
  const { page } = launched.app
  await add(page, GITHUB, 'ci-bot')
  await add(page, STRIPE, 'billing')
  await rows(page).filter({ hasText: 'billing' }).click()
  await detailAction(page, 'Delete…')
  await page
    .getByRole('dialog', { name: 'Move billing to the Trash?' })
    .getByRole('button', { name: 'Move to Trash' })
    .click()
  await expect(rows(page)).toHaveCount(1)
  const trash = views(page).getByRole('button', { name: /^Trash/ })
  await expect(trash).toHaveText(/Trash\s*1/)

  await trash.click()
  const table = page.getByRole('table', { name: 'Keys in the Trash' })
  await expect(table.getByRole('row')).toHaveCount(2)
  await expect(table).toContainText('billing')
  await expect(table).toContainText(/in 30 days|in 4 weeks|next month/)
  await expectAccessibleInBothThemes(page, 'trash')
  await table.getByRole('button', { name: 'Restore stripe/billing' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Restored stripe/billing.' })).toBeVisible()
  await expect(page.getByText('The Trash is empty.')).toBeVisible()
  await expect(trash).toHaveText(/Trash\s*0/)

  await page.keyboard.press('Escape')
  await expect(rows(page)).toHaveCount(2)
  await rows(page).filter({ hasText: 'billing' }).click()
  await page.keyboard.press('Delete')
  await page.keyboard.press('Enter')
  await expect(rows(page)).toHaveCount(1)
  await trash.click()
  await table.getByRole('button', { name: 'Delete forever stripe/billing' }).click()
  const forever = page.getByRole('dialog', { name: 'Delete billing forever?' })
  const confirm = forever.getByRole('button', { name: 'Delete forever' })
  await expect(confirm).toBeDisabled()
  await forever.getByLabel(/Type the key's name/).fill('billing')
  await confirm.click()
  await expect(page.getByText('The Trash is empty.')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Empty Trash…' })).toBeDisabled()
  expect(launched.app.problems()).toEqual([])
})

test('fits a narrow window: icon rail, the detail as a drawer, extra actions in a menu, no sideways scroll', async () => {
  const { page } = launched.app
  await add(page, GITHUB, 'ci-bot')
  await add(page, STRIPE, 'billing')
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme })
    await page.setViewportSize({ width: 1280, height: 800 })
    await rows(page).filter({ hasText: 'billing' }).click()
    await page.screenshot({ path: path.join(readmeShots, `window-1280-${theme}.png`) })
    await page.setViewportSize({ width: 900, height: 700 })
    await page.screenshot({ path: path.join(readmeShots, `window-900-${theme}.png`) })
    await page.keyboard.press('Escape')
  }
  await page.emulateMedia({ colorScheme: 'light' })

  for (const [width, height] of [
    [900, 700],
    [720, 560],
  ] as const) {
    await page.setViewportSize({ width, height })
    const overflow = await page.evaluate(() => {
      const scroller = document.scrollingElement ?? document.documentElement
      return scroller.scrollWidth - scroller.clientWidth
    })
    expect(overflow, `${width}×${height}`).toBeLessThanOrEqual(0)
  }
  // 720 px: the rail keeps the pages (named for screen readers), the detail opens over the list and Esc closes it.
  await expect(views(page)).toBeHidden()
  await expect(page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name: 'Health' })).toBeVisible()
  const detail = page.getByRole('complementary', { name: 'Key detail' })
  await expect(detail).toBeHidden()
  await rows(page).filter({ hasText: 'ci-bot' }).click()
  await expect(detail.getByRole('heading', { name: 'ci-bot' })).toBeVisible()
  await detail.getByRole('button', { name: 'Copy' }).focus()
  await page.keyboard.press('Escape')
  await expect(detail).toBeHidden()
  await expect(page.getByRole('grid', { name: 'Keys' })).toBeFocused()
  await page.getByRole('button', { name: 'More actions', exact: true }).click()
  await page.getByRole('menu', { name: 'More actions' }).getByRole('menuitem', { name: 'Import .env…' }).click()
  await expect(page.getByRole('dialog', { name: /Import/ })).toBeVisible()
  await page.keyboard.press('Escape')
  await expectAccessibleInBothThemes(page, 'narrow window')
  expect(launched.app.problems()).toEqual([])
})

test('the empty vault invites a paste: Ctrl/⌘+V anywhere opens Add with the value, its provider detected', async () => {
  const { page } = launched.app
  await expect(page.getByRole('heading', { name: 'Paste an API key' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Import a .env file…' })).toBeVisible()
  await expectAccessibleInBothThemes(page, 'empty vault')
  await page.locator('main').click({ position: { x: 5, y: 5 } })
  // What the OS delivers on Ctrl/⌘+V with no field focused (headless Chromium has no system clipboard to paste from).
  await page.evaluate((value) => {
    const data = new DataTransfer()
    data.setData('text/plain', `  ${value}\n`)
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  }, STRIPE)
  const dialog = page.getByRole('dialog', { name: 'Add key' })
  await expect(dialog.getByLabel('Key', { exact: true })).toHaveValue(STRIPE)
  await expect(dialog.getByText(/^Detected: Stripe/)).toBeVisible()
  await expect(dialog.getByLabel('Key', { exact: true })).toHaveAttribute('type', 'password')
  await dialog.getByRole('button', { name: 'Save key' }).click()
  await expect(rows(page)).toHaveCount(1)
  expect(launched.app.problems()).toEqual([])
})

test('Ctrl+/ lists the shortcuts; Ctrl+Shift+C copies NAME=value, Ctrl+Shift+R opens Rotate; Settings has presets', async () => {
  const { page } = launched.app
  await add(page, STRIPE, 'billing')
  await page.keyboard.press('Control+/')
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(sheet.getByRole('region', { name: 'The selected key' })).toContainText('Copy as NAME=value')
  await expectAccessibleInBothThemes(page, 'shortcut sheet')
  await page.keyboard.press('Escape')
  await expect(sheet).toBeHidden()

  await page.getByRole('grid', { name: 'Keys' }).focus()
  await page.keyboard.press('Control+Shift+C')
  await expect(page.getByText(/Copied STRIPE_SECRET_KEY=… · Clears in \d+ s/)).toBeVisible()
  expect(clipboard.text).toBe(`STRIPE_SECRET_KEY=${STRIPE}`)
  await page.keyboard.press('Control+Shift+R')
  await expect(page.getByRole('dialog', { name: /^Rotate billing/ })).toBeVisible()
  await page.keyboard.press('Escape')

  await page.keyboard.press('Control+,')
  const presets = page.getByRole('group', { name: 'Usual clipboard times' })
  await presets.getByRole('button', { name: '45 s' }).click()
  await expect(presets.getByRole('button', { name: '45 s' })).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByLabel('Clear a copied key after')).toHaveValue('45')
  await expect(page.getByRole('region', { name: 'The window' })).toContainText('Ctrl+L')
  expect(launched.app.problems()).toEqual([])
})

test('Reveal groups the value in fours with its characters styled by class, a countdown, and Keep visible 2 min', async () => {
  const { page } = launched.app
  await add(page, STRIPE, 'billing')
  await page.getByRole('grid', { name: 'Keys' }).focus()
  await page.keyboard.press(' ')
  const dialog = page.getByRole('dialog', { name: 'Reveal STRIPE_SECRET_KEY' })
  const value = dialog.getByTestId('revealed-value')
  // Grouped on screen, whole in the text (what a selection copies).
  await expect(value).toHaveText(STRIPE)
  await expect(value.locator('.value-group')).toHaveCount(Math.ceil(STRIPE.length / 4))
  await expect(value.locator('.ch-digit').first()).toHaveText('0')
  await expect(value.locator('.ch-symbol').first()).toHaveText('_')
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused()
  await expect(dialog.getByRole('status')).toContainText(`${STRIPE.length} characters · hides 30 s after`)
  await dialog.getByRole('button', { name: 'Keep visible 2 min' }).click()
  await expect(dialog.getByRole('button', { name: 'Keep visible 2 min' })).toHaveAttribute('aria-pressed', 'true')
  await expect(dialog.getByRole('status')).toContainText('hides 120 s after')
  await expectAccessibleInBothThemes(page, 'reveal dialog')
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  expect(await page.content()).not.toContain(STRIPE)
  expect(launched.app.problems()).toEqual([])
})
