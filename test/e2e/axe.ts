import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'

/** axe finds nothing on the page (or inside `include`) in the light theme and in the dark one; light again after. */
export async function expectAccessibleInBothThemes(page: Page, what: string, include?: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    const builder = include === undefined ? new AxeBuilder({ page }) : new AxeBuilder({ page }).include(include)
    expect(
      (await builder.analyze()).violations.map((violation) => violation.id),
      `${what}, ${colorScheme}`,
    ).toEqual([])
  }
  await page.emulateMedia({ colorScheme: 'light' })
}
