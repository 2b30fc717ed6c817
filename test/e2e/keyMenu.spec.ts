// The key list's context menu, by keyboard (Shift+F10 / the Menu key) and by right-click: the key's actions in one
// place, against the real handlers and the Solenoid Meter simulator for Verify.
import { expect, test } from '@playwright/test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { RunningSimulator } from '../simulators/simulatorServer'
import { startSolenoidMeterSimulator } from '../simulators/solenoidMeter'
import { expectAccessibleInBothThemes } from './axe'
import { createVaultInWindow } from './createVault'
import { launchApp, type LaunchedApp } from './harness'

const METER = 'sm_menu_live_000000000001'
let app: LaunchedApp
let dir: string
let meter: RunningSimulator & { baseUrl: string }

test.beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'keyward-e2e-menu-'))
  meter = await startSolenoidMeterSimulator(new Set([METER]))
  app = await launchApp({
    vaultDir: path.join(dir, 'vault'),
    providerEnv: { KEYWARD_SOLENOID_METER_BASE_URL: meter.baseUrl },
  })
  await createVaultInWindow(app.page, 'correct horse battery staple 7')
})
test.afterEach(async () => {
  await app.close()
  await meter.close()
  rmSync(dir, { recursive: true, force: true })
})

test('Shift+F10 opens the row menu; arrows, Enter and Esc work; right-click opens it too', async () => {
  const { page } = app
  await page.getByRole('button', { name: 'Add key' }).click()
  await page.getByLabel('Key', { exact: true }).fill(METER)
  await page.getByRole('button', { name: 'Save key' }).click()
  await expect(page.getByRole('dialog')).toBeHidden()
  const grid = page.getByRole('grid', { name: 'Keys' })
  await grid.focus()
  await page.keyboard.press('Shift+F10')
  const menu = page.getByRole('menu', { name: /^Actions for solenoid-meter\// })
  await expect(menu.getByRole('menuitem', { name: 'Copy' })).toBeFocused()
  await expectAccessibleInBothThemes(page, 'key menu')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  await expect(menu.getByRole('menuitem', { name: 'Verify' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(menu).toBeHidden()
  await expect(page.getByText(/: Solenoid Meter key is live/)).toBeVisible()
  await expect(grid).toBeFocused()

  await page.keyboard.press('Shift+F10')
  await page.keyboard.press('Escape')
  await expect(menu).toBeHidden()
  await expect(grid).toBeFocused()

  await grid.getByRole('row').first().click({ button: 'right' })
  await menu.getByRole('menuitem', { name: 'Write to .env…' }).click()
  await expect(page.getByRole('dialog', { name: 'Write to .env' })).toBeVisible()
  expect(app.problems()).toEqual([])
})

test('Rotate… from the menu on a key Keyward cannot rotate says so in the detail', async () => {
  const { page } = app
  await app.desktop?.handlers['key:add']({
    provider: 'custom',
    name: 'legacy',
    envVar: null,
    environment: 'development',
    expiresAt: null,
    rotateEveryDays: null,
    remindBeforeDays: null,
    tags: [],
    notes: '',
    value: 'legacy-value-000000000',
    formatCheck: false,
  })
  // Added behind the window's back: a search (in main) finds it.
  await page.getByLabel('Search keys').fill('legacy')
  const grid = page.getByRole('grid', { name: 'Keys' })
  await expect(grid.getByRole('row')).toHaveCount(1)
  await grid.getByRole('row').first().click({ button: 'right' })
  await page.getByRole('menu').getByRole('menuitem', { name: 'Rotate…' }).click()
  await expect(page.getByRole('complementary', { name: 'Key detail' })).toContainText(
    'custom keys are not rotated by Keyward',
  )
  expect(app.problems()).toEqual([])
})

test('notes and provider text show bidi overrides and zero-width characters as escapes, never reordering the text', async () => {
  const { page } = app
  // "Trojan Source" in a note: an override that would show "…txt.exe" as "…exe.txt", and a zero-width space.
  await app.desktop?.handlers['key:add']({
    provider: 'custom',
    name: 'trojan',
    envVar: null,
    environment: 'development',
    expiresAt: null,
    rotateEveryDays: null,
    remindBeforeDays: null,
    tags: [],
    notes: 'invoice\u202Etxt.exe and\u200Bmore',
    value: 'trojan-value-000000000',
    formatCheck: false,
  })
  await page.getByLabel('Search keys').fill('trojan')
  const grid = page.getByRole('grid', { name: 'Keys' })
  await expect(grid.getByRole('row')).toHaveCount(1)
  await grid.getByRole('row').first().click()
  const detail = page.getByRole('complementary', { name: 'Key detail' })
  await expect(detail).toContainText('invoice⟨U+202E⟩txt.exe and⟨U+200B⟩more')
  expect(await detail.textContent()).not.toMatch(/[\u202E\u200B]/)
  expect(app.problems()).toEqual([])
})
