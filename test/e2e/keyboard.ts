import { expect, type Page } from '@playwright/test'

/**
 * Presses Tab (or Shift+Tab) until the focused element has this accessible name, as a keyboard user would reach it;
 * fails if it is not reached within `limit` presses.
 */
export async function tabTo(
  page: Page,
  name: string | RegExp,
  options: { back?: boolean; limit?: number } = {},
): Promise<void> {
  for (let press = 0; press < (options.limit ?? 40); press++) {
    await page.keyboard.press(options.back === true ? 'Shift+Tab' : 'Tab')
    const focused = await page.evaluate(() => {
      const element = document.activeElement
      if (element === null) return ''
      const label = (element as HTMLInputElement).labels?.[0]?.innerText
      return element.getAttribute('aria-label') ?? label ?? (element as HTMLElement).innerText ?? ''
    })
    if (typeof name === 'string' ? focused.trim() === name : name.test(focused.trim())) return
  }
  expect.soft(false, `Tab never reached ${String(name)}`).toBe(true)
  throw new Error(`Tab never reached ${String(name)}`)
}

/** Runs one of the selected key's less frequent actions: the detail header's ⋮ menu, then the item. */
export async function detailAction(page: Page, label: 'Edit' | 'New value…' | 'Write to .env…' | 'Delete…') {
  await page
    .getByRole('complementary', { name: 'Key detail' })
    .getByRole('button', { name: /^More actions for / })
    .click()
  await page
    .getByRole('menu', { name: /^More actions for / })
    .getByRole('menuitem', { name: label })
    .click()
}

/** A list toolbar action: its button where the pane is wide enough to show it, else the toolbar's ⋮ menu. */
export async function toolbarAction(page: Page, label: 'Verify all' | 'Write to .env…' | 'Import .env…') {
  const button = page.getByRole('button', { name: label, exact: true })
  if (await button.isVisible()) return button.click()
  await page.getByRole('button', { name: 'More actions', exact: true }).click()
  await page.getByRole('menu', { name: 'More actions' }).getByRole('menuitem', { name: label }).click()
}
