// .env write and import in the window: the file picked through the FileDialog port (the harness answers with the
// spec's file), the real handlers, real files read back with dotenv, git for the exposure warnings.
import { expect, test, type Page } from '@playwright/test'
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'dotenv'
import { expectAccessibleInBothThemes } from './axe'
import { appWithVault } from './appWithVault'
import { readmeShots, repoRoot } from './harness'
import { tabTo, detailAction, toolbarAction } from './keyboard'

const STRIPE = 'sk_live_DotenvWindow00000000001'
const GITHUB = 'ghp_46C7e42F292c6912E7710c838347Ae178B4d'
const OPENAI = `sk-proj-${'b4Xk9QmZ'.repeat(5)}T3BlbkFJ${'Lw2Pn7Rt'.repeat(5)}`
let chosen: string | null = null
const launched = appWithVault('keyward-e2e-dotenv-', () => ({ fileDialog: { chooseEnvFile: async () => chosen } }))

async function addStripe(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Add key' }).click()
  await page.getByLabel('Key', { exact: true }).fill(STRIPE)
  await page.getByRole('button', { name: 'Save key' }).click()
  await expect(page.getByRole('dialog')).toBeHidden()
  // The new key is selected (what Ctrl+Shift+W writes) once its detail shows, as the user sees it.
  await expect(page.locator('#detail-title')).toHaveText('stripe-secret-key')
}

test('write to .env: masked diff, reveal per line, warnings fixed, a change since the preview re-diffed', async () => {
  const { app, dir } = launched
  const { page } = app
  const project = path.join(dir, 'project')
  mkdirSync(project)
  execFileSync('git', ['init', '-q', project])
  const file = path.join(project, '.env')
  writeFileSync(file, '# api\nPORT=3000\nSTRIPE_SECRET_KEY=sk_live_OldValueInFile0000000009\n', { mode: 0o644 })
  chosen = file
  await addStripe(page)
  await detailAction(page, 'Write to .env…')
  const dialog = page.getByRole('dialog', { name: 'Write to .env' })
  await expect(dialog.getByLabel('This key: stripe/stripe-secret-key')).toBeChecked()
  await dialog.getByRole('button', { name: 'Choose…' }).click()
  const row = dialog.getByRole('row', { name: /STRIPE_SECRET_KEY/ })
  await expect(row).toContainText('Changed')
  await expect(row).toContainText('sk_live_…0009')
  await expect(row).toContainText('sk_live_…0001')
  await expect(dialog.getByRole('list', { name: 'Warnings' })).toContainText('not ignored by git')
  await expect(dialog.getByRole('list', { name: 'Warnings' })).toContainText('readable by other users (mode 644)')
  expect(await page.content()).not.toContain(STRIPE)
  await expectAccessibleInBothThemes(page, '.env diff')
  await page.screenshot({ path: path.join(readmeShots, 'env-diff.png') })

  await dialog.getByRole('button', { name: 'Reveal STRIPE_SECRET_KEY' }).click()
  await expect(row).toContainText(STRIPE)
  await dialog.getByRole('button', { name: 'Hide STRIPE_SECRET_KEY' }).click()
  await expect(row).not.toContainText(STRIPE)

  await dialog.getByRole('button', { name: 'Add to .gitignore' }).click()
  await dialog.getByRole('button', { name: 'Set 0600' }).click()
  await expect(dialog.getByRole('list', { name: 'Warnings' })).toBeHidden()
  expect(readFileSync(path.join(project, '.gitignore'), 'utf8')).toBe('/.env\n')
  expect(statSync(file).mode & 0o777).toBe(0o600)

  // Someone edits the file after the diff was shown: the write is refused and the new diff shown instead.
  writeFileSync(file, '# api\nPORT=3001\nSTRIPE_SECRET_KEY=sk_live_OldValueInFile0000000009\n')
  await dialog.getByRole('button', { name: 'Write', exact: true }).click()
  await expect(dialog.getByRole('alert')).toContainText('changed since the preview')
  expect(parse(readFileSync(file, 'utf8')).PORT).toBe('3001')
  await dialog.getByRole('button', { name: 'Write', exact: true }).click()
  await expect(page.getByText(`Wrote 1 variable to ${file}.`)).toBeVisible()
  expect(readFileSync(file, 'utf8')).toBe(`# api\nPORT=3001\nSTRIPE_SECRET_KEY=${STRIPE}\n`)
  const whereUsed = page.getByRole('list', { name: 'Where used' })
  await expect(whereUsed).toContainText(file)
  await expect(whereUsed).toContainText('current')
  expect(app.problems()).toEqual([])
})

test('write to .env by keyboard only: Ctrl+Shift+W, a recent file, Write', async () => {
  const { app, dir } = launched
  const { page } = app
  const file = path.join(dir, 'first.env')
  chosen = file
  await addStripe(page)
  // The first write through the dialog makes the file a recent one.
  await page.keyboard.press('Control+Shift+W')
  await tabTo(page, 'Choose…')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('dialog').getByRole('row', { name: /STRIPE_SECRET_KEY/ })).toContainText('Added')
  await tabTo(page, 'Write')
  await page.keyboard.press('Enter')
  await expect(page.getByText(`Wrote 1 variable to ${file}.`)).toBeVisible()
  writeFileSync(file, 'STRIPE_SECRET_KEY=edited\n')
  await page.keyboard.press('Control+Shift+W')
  await tabTo(page, file)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('dialog').getByRole('row', { name: /STRIPE_SECRET_KEY/ })).toContainText('Changed')
  await tabTo(page, 'Write')
  await page.keyboard.press('Enter')
  await expect(page.getByText(`Wrote 1 variable to ${file}.`)).toBeVisible()
  expect(parse(readFileSync(file, 'utf8')).STRIPE_SECRET_KEY).toBe(STRIPE)
  expect(app.problems()).toEqual([])
})

test('import .env: a preview per variable, untick a line, create; keyboard only', async () => {
  const { app, dir } = launched
  const { page } = app
  const file = path.join(dir, 'import.env')
  writeFileSync(
    file,
    `STRIPE_SECRET_KEY=${STRIPE}\nGITHUB_TOKEN=${GITHUB}\nOPENAI_API_KEY=${OPENAI}\nPORT=8080\nAWS_SECRET_ACCESS_KEY=your-key-here\n` +
      // A temporary AWS pair (from `aws sts assume-role`): left out, and the row says why.
      `TEMP_AWS_ACCESS_KEY_ID=ASIAQWERTYUIOPASDFGH\nTEMP_AWS_SECRET_ACCESS_KEY=${'tEmP0r4rY/sEcReT+'.repeat(3).slice(0, 40)}\n`,
  )
  chosen = file
  await addStripe(page)
  await page.getByRole('searchbox', { name: 'Search keys' }).focus()
  // The list pane at 1280 px keeps Import in the toolbar's ⋮ menu: Tab to it, Enter, End (the last item), Enter.
  await tabTo(page, 'More actions')
  await page.keyboard.press('Enter')
  await page.keyboard.press('End')
  await expect(page.getByRole('menuitem', { name: 'Import .env…' })).toBeFocused()
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: 'Import .env' })
  await tabTo(page, 'Environment of the new keys', { back: true })
  await page.keyboard.press('Control+A')
  await page.keyboard.type('staging')
  await tabTo(page, 'Choose…')
  await page.keyboard.press('Enter')
  await expect(dialog.getByRole('row', { name: /STRIPE_SECRET_KEY/ })).toContainText(
    'Already stored as stripe/stripe-secret-key',
  )
  await expect(dialog.getByRole('row', { name: /PORT/ })).toContainText('No known key format')
  await expect(dialog.getByRole('row', { name: /AWS_SECRET_ACCESS_KEY/ })).toContainText('A placeholder')
  await expect(dialog.getByRole('row', { name: /TEMP_AWS_ACCESS_KEY_ID/ })).toContainText(
    'A temporary AWS key (needs its session token, expires within hours): left out',
  )
  await expect(dialog.getByRole('checkbox', { name: 'Import TEMP_AWS_ACCESS_KEY_ID' })).toBeDisabled()
  await expect(dialog.getByRole('checkbox', { name: 'Import GITHUB_TOKEN' })).toBeChecked()
  await expect(dialog.getByRole('checkbox', { name: 'Import STRIPE_SECRET_KEY' })).toBeDisabled()
  expect(await page.content()).not.toContain(GITHUB)
  await expectAccessibleInBothThemes(page, 'import preview')
  await page.screenshot({ path: path.join(repoRoot, 'test-results', 'screenshots', 'env-import.png') })
  await tabTo(page, 'Import OPENAI_API_KEY')
  await page.keyboard.press('Space')
  await expect(dialog.getByRole('checkbox', { name: 'Import OPENAI_API_KEY' })).not.toBeChecked()
  await tabTo(page, 'Create 1 key')
  await page.keyboard.press('Enter')
  await expect(page.getByText(`Created 1 key from ${file}.`)).toBeVisible()
  const list = page.getByRole('grid', { name: 'Keys' })
  await expect(list).toContainText('github-token')
  await expect(list).not.toContainText('openai-api-key')
  expect(app.problems()).toEqual([])
})

test('import of a 1,000-line file: a few dozen rows in the DOM, Tab reaches the rows below, the last one by scrolling', async () => {
  const { app, dir } = launched
  const { page } = app
  const file = path.join(dir, 'big.env')
  const variable = (i: number) => `SERVICE_${String(i).padStart(4, '0')}_KEY`
  writeFileSync(
    file,
    Array.from({ length: 1000 }, (_, i) => `${variable(i)}=sk_live_a1B2c3D4e5F6g7H8${String(i).padStart(4, '0')}`).join(
      '\n',
    ),
  )
  chosen = file
  await toolbarAction(page, 'Import .env…')
  const dialog = page.getByRole('dialog', { name: 'Import .env' })
  await dialog.getByRole('button', { name: 'Choose…' }).click()
  await expect(dialog.getByRole('button', { name: 'Create 1000 keys' })).toBeVisible()
  const table = dialog.getByRole('table', { name: 'What the import would do' })
  await expect(table).toHaveAttribute('aria-rowcount', '1001')
  expect(await dialog.getByRole('checkbox').count()).toBeLessThan(80)

  await dialog.getByRole('checkbox', { name: `Import ${variable(0)}` }).focus()
  for (let press = 0; press < 60; press++) await page.keyboard.press('Tab')
  await expect(dialog.getByRole('checkbox', { name: `Import ${variable(60)}` })).toBeFocused()
  await expect(dialog.getByRole('row', { name: new RegExp(variable(60)) })).toHaveAttribute('aria-rowindex', '62')

  await page.locator('.import-scroll').evaluate((scroller) => scroller.scrollTo(0, scroller.scrollHeight))
  const last = dialog.getByRole('checkbox', { name: `Import ${variable(999)}` })
  await expect(last).toBeVisible()
  expect(await dialog.getByRole('checkbox').count()).toBeLessThan(80)
  await last.click()
  await dialog.getByRole('button', { name: 'Create 999 keys' }).click()
  await expect(page.getByText(`Created 999 keys from ${file}.`)).toBeVisible()
  await expect(
    page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'All keys 999' }),
  ).toBeVisible()
  expect(app.problems()).toEqual([])
})
