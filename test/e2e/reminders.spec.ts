// Needs attention (timeline, snooze, dates in place) and Health (one-click fixes) in the window, against the real
// handlers, vault files and git.
import { expect, test } from '@playwright/test'
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { DesktopApp } from '../../src-main/core/app/desktopApp'
import { expectAccessibleInBothThemes } from './axe'
import { createVaultInWindow } from './createVault'
import { launchApp, readmeShots, type LaunchedApp } from './harness'

let app: LaunchedApp
let dir: string
let envFile = ''

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)

function desktopOf(launched: LaunchedApp): DesktopApp {
  if (launched.desktop === undefined) throw new Error('these specs need the chromium harness')
  return launched.desktop
}

/** Keys in every state, added through the same handlers the window calls (faster than five dialogs). */
async function seed(desktop: DesktopApp): Promise<void> {
  const add = (
    name: string,
    dates: { expiresAt?: string; rotateEveryDays?: number },
    value = `${name}-value-0000000000`,
  ) =>
    desktop.handlers['key:add']({
      // A Stripe key rotates guided: Health's "Rotate…" on the expired one opens that dialog.
      provider: name === 'billing' || name === 'expired' ? 'stripe' : 'custom',
      name,
      envVar: null,
      environment: 'development',
      expiresAt: dates.expiresAt ?? null,
      rotateEveryDays: dates.rotateEveryDays ?? null,
      remindBeforeDays: null,
      tags: [],
      notes: '',
      value,
      formatCheck: name === 'billing',
    })
  await add('expired', { expiresAt: day(-10) })
  await add('soon', { expiresAt: day(5) })
  await add('later', { rotateEveryDays: 40 })
  await add('forever', {})
  const billing = await add('billing', {}, 'sk_live_HealthWindow000000000001')
  const project = path.join(dir, 'project')
  mkdirSync(project)
  execFileSync('git', ['init', '-q', project])
  envFile = path.join(project, '.env')
  writeFileSync(envFile, '')
  await desktop.handlers['dotenv:choose']({ purpose: 'write' })
  const selection = { ids: [billing.key.id] }
  const { digest } = await desktop.handlers['dotenv:preview']({ file: envFile, selection })
  await desktop.handlers['dotenv:write']({ file: envFile, selection, digest })
}

test.beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'keyward-e2e-reminders-'))
  app = await launchApp({ vaultDir: path.join(dir, 'vault'), fileDialog: { chooseEnvFile: async () => envFile } })
  await createVaultInWindow(app.page, 'correct horse battery staple 7')
  await seed(desktopOf(app))
})
test.afterEach(async () => {
  await app.close()
  rmSync(dir, { recursive: true, force: true })
})

test('needs attention: expired then due, a 90-day timeline, snooze, dates set in place', async () => {
  const { page } = app
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name: 'Needs attention' }).click()
  await expect(page.getByRole('heading', { name: 'Needs attention', level: 1 })).toBeVisible()
  const due = page.getByRole('list', { name: 'Keys that need attention' })
  await expect(due.getByRole('listitem')).toHaveCount(2)
  await expect(due.getByRole('listitem').nth(0)).toContainText('stripe/expired')
  await expect(due.getByRole('listitem').nth(0)).toContainText('Expired 10 days ago')
  await expect(due.getByRole('listitem').nth(1)).toContainText('Due in 5 days')
  await expect(page.getByRole('img', { name: /2 dates in the next 90 days/ })).toBeVisible()
  await page.getByText('All 2 dates').click()
  await expect(page.getByRole('list', { name: 'Coming dates' })).toContainText(`${day(5)} · custom/soon · expires`)
  await expectAccessibleInBothThemes(page, 'needs attention')
  await page.screenshot({ path: path.join(readmeShots, 'attention.png'), fullPage: true })

  const soon = due.getByRole('listitem').filter({ hasText: 'custom/soon' })
  await soon.getByRole('button', { name: 'Snooze' }).click()
  await soon.getByRole('group', { name: 'Snooze custom/soon' }).getByRole('button', { name: '1 week' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'custom/soon: reminders snoozed (1 week).' })).toBeVisible()
  await expect(soon).toContainText(`Snoozed until ${day(7)}`)

  const undated = page.getByRole('list', { name: 'Keys without dates' })
  await expect(undated).toContainText('custom/forever')
  const forever = undated.getByRole('listitem').filter({ hasText: 'custom/forever' })
  await forever.getByRole('button', { name: 'Set dates' }).click()
  await forever.getByLabel('Rotate every (days)').fill('30')
  await forever.getByRole('button', { name: 'Save' }).click()
  await expect(undated).not.toContainText('custom/forever')
  await expect(page.getByRole('img', { name: /3 dates in the next 90 days/ })).toBeVisible()
  expect(app.problems()).toEqual([])
})

test('health: cards, fixes one click away (rotation period, .gitignore), Rotate… opens the key rotating', async () => {
  const { page } = app
  await page.keyboard.press('Control+Shift+H')
  await expect(page.getByRole('heading', { name: 'Health', level: 1 })).toBeVisible()
  const cards = page.getByRole('list', { name: 'Health summary' })
  await expect(cards.getByRole('button', { name: '1 Expired' })).toBeVisible()
  // The file is not ignored, and readable by others (0644, as it was before Keyward wrote to it).
  await expect(cards.getByRole('button', { name: '2 Exposed .env files' })).toBeVisible()
  await expect(cards.getByRole('button', { name: '2 No expiry date' })).toBeVisible()
  await expectAccessibleInBothThemes(page, 'health')
  await page.screenshot({ path: path.join(readmeShots, 'health.png'), fullPage: true })

  const exposed = page.getByRole('region', { name: 'Exposed .env files (2)' })
  await expect(exposed).toContainText('not ignored by git')
  await exposed.getByRole('button', { name: 'Add to .gitignore' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'is now ignored by git' })).toBeVisible()
  await expect(cards.getByRole('button', { name: '1 Exposed .env files' })).toBeVisible()
  expect(readFileSync(path.join(dir, 'project', '.gitignore'), 'utf8')).toBe('/.env\n')

  const undated = page.getByRole('region', { name: 'No expiry date (2)' })
  await undated
    .getByRole('listitem')
    .filter({ hasText: 'custom/forever' })
    .getByRole('button', { name: 'Rotate every 90 days' })
    .click()
  await expect(cards.getByRole('button', { name: '1 No expiry date' })).toBeVisible()

  await page.getByRole('region', { name: 'Expired (1)' }).getByRole('button', { name: 'Rotate…' }).click()
  await expect(page.getByRole('dialog', { name: 'Rotate expired' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(
    page.getByRole('complementary', { name: 'Key detail' }).getByRole('heading', { name: 'expired' }),
  ).toBeVisible()
  expect(app.problems()).toEqual([])
})

test('the "keys are due" notification clicked while locked: the unlock says where it leads, then Needs attention', async () => {
  const { page } = app
  const desktop = desktopOf(app)
  await desktop.vault.lock('idle')
  await expect(page.getByRole('heading', { name: 'Unlock your vault' })).toBeVisible()
  desktop.showAttention(2) // what the locked reminder's click does (src-main/index.ts)
  await expect(page.getByText('After unlocking: Needs attention — 2 keys due.')).toBeVisible()
  await page.getByLabel('Master password').fill('correct horse battery staple 7')
  await page.getByRole('button', { name: 'Unlock' }).click()
  await expect(page.getByRole('heading', { name: 'Needs attention', level: 1 })).toBeVisible()
  // Clicked while unlocked: straight there, from any page.
  await page.getByRole('button', { name: 'Health' }).click()
  desktop.showAttention(null)
  await expect(page.getByRole('heading', { name: 'Needs attention', level: 1 })).toBeVisible()
  expect(app.problems()).toEqual([])
})
