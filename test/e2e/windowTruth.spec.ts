// The window tells the truth (issue 19): what the provider last said is the key's status everywhere; guided
// rotation never takes the key the user already has; the recovery kit leaves the renderer with any lock; Health,
// Needs attention and Activity follow changes made by the CLI. Each test failed on the code before the fix.
import { expect, test, type Page } from '@playwright/test'
import { detailAction } from './keyboard'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { keyward } from '../node/helpers/cli'
import type { RunningSimulator } from '../simulators/simulatorServer'
import { startSoloSimulator, type SoloKey } from '../simulators/solo'
import { startSolenoidMeterSimulator } from '../simulators/solenoidMeter'
import { startGitlabSimulator, type GitlabToken } from '../simulators/wellKnown/gitlab'
import { appWithVault, WINDOW_PASSWORD } from './appWithVault'
import { expectAccessibleInBothThemes } from './axe'
import { readmeShots, repoRoot } from './harness'

const LIVE = 'sm_truth_live_0000000001'
const DEAD = 'sm_truth_dead_0000000002'
const SOLO = 'solo_truth_current_00001'
const GITLAB = 'glpat-TruthWindowToken00000001'
let gitlabTokens = new Map<string, GitlabToken>()
const shots = path.join(repoRoot, 'test-results', 'screenshots')
let simulators: RunningSimulator[] = []
let envFile = ''
let soloKeys = new Map<string, SoloKey>()
const providerEnv: Record<string, string> = {}

test.beforeEach(async () => {
  const meter = await startSolenoidMeterSimulator(new Set([LIVE]))
  soloKeys = new Map<string, SoloKey>([
    [SOLO, { handle: 'ci', scope: ['read'], plan: 'Free', status: 'active', usedToday: 0 }],
  ])
  const solo = await startSoloSimulator(soloKeys)
  gitlabTokens = new Map([
    [
      GITLAB,
      {
        id: 7,
        name: 'ci',
        scopes: ['api'],
        created_at: '2026-11-01T00:00:00Z',
        expires_at: '2027-02-01',
        revoked: false,
      },
    ],
  ])
  const gitlab = await startGitlabSimulator(gitlabTokens)
  simulators = [meter, solo, gitlab]
  providerEnv.KEYWARD_GITLAB_BASE_URL = `${gitlab.origin}/api/v4`
  providerEnv.KEYWARD_SOLENOID_METER_BASE_URL = meter.baseUrl
  providerEnv.KEYWARD_SOLO_BASE_URL = solo.baseUrl
})
test.afterEach(async () => {
  await Promise.all(simulators.map((simulator) => simulator.close()))
})

const launched = appWithVault('keyward-e2e-truth-', () => ({
  providerEnv,
  fileDialog: { chooseEnvFile: async () => envFile },
}))

async function add(page: Page, value: string, name: string, provider?: string): Promise<void> {
  await page.getByRole('button', { name: 'Add key' }).click()
  await page.getByLabel('Key', { exact: true }).fill(value)
  if (provider !== undefined) await page.getByLabel('Provider', { exact: true }).selectOption({ label: provider })
  await page.getByLabel('Name', { exact: true }).fill(name)
  await page.getByRole('button', { name: 'Save key' }).click()
  await expect(page.getByRole('dialog')).toBeHidden()
}

const row = (page: Page, name: string) =>
  page.getByRole('grid', { name: 'Keys' }).getByRole('row').filter({ hasText: name })

test('1. a key the provider rejected reads "Rejected" in its row, its detail, Needs attention and the sidebar', async () => {
  const { page } = launched.app
  await add(page, LIVE, 'meter-live')
  await add(page, DEAD, 'meter-dead')
  await expect(row(page, 'meter-dead')).toContainText('Not verified')
  await page.getByRole('button', { name: 'Verify all' }).click()
  const dialog = page.getByRole('dialog', { name: 'Verify all' })
  await expect(dialog.getByRole('status')).toHaveText('2 of 2 verified · 1 live · 1 invalid')
  await dialog.getByRole('button', { name: 'Done' }).click()

  await expect(row(page, 'meter-dead')).toContainText('Rejected')
  await expect(row(page, 'meter-live')).toContainText('Live')
  await expect(page.getByRole('grid', { name: 'Keys' })).not.toContainText('OK')
  await row(page, 'meter-dead').click()
  await expect(page.getByRole('definition').filter({ hasText: /^✕ Rejected$/ })).toBeVisible()
  const views = page.getByRole('navigation', { name: 'Views' })
  await expect(views.getByRole('button', { name: /^Needs attention/ })).toHaveText(/Needs attention\s*1$/)
  await page.screenshot({ path: path.join(readmeShots, 'statuses.png') })
  await views.getByRole('button', { name: /^Rejected by provider/ }).click()
  await expect(page.getByRole('grid', { name: 'Keys' }).getByRole('row')).toHaveCount(1)
  await expect(row(page, 'meter-dead')).toBeVisible()

  await page.getByRole('button', { name: 'Needs attention' }).first().click()
  await expect(page.getByRole('main')).toContainText('meter-dead')
  await expect(page.getByRole('main')).toContainText('Rejected')
  await page.getByRole('button', { name: 'Health' }).click()
  await expect(page.getByRole('region', { name: /^Rejected/ })).toContainText('meter-dead')

  // A new value clears the old answer: not verified again, no longer counted.
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name: 'Keys' }).click()
  await row(page, 'meter-dead').click()
  await detailAction(page, 'New value…')
  await page.getByLabel('New value', { exact: true }).fill(`${LIVE}x`)
  await page.getByRole('button', { name: /^Save|^Store/ }).click()
  await expect(page.getByRole('dialog')).toBeHidden()
  await expect(views.getByRole('button', { name: /^Needs attention/ })).toHaveText(/Needs attention\s*0$/)
  await expectAccessibleInBothThemes(page, 'statuses from the provider')
  expect(launched.app.problems()).toEqual([])
})

test('2. guided rotation refuses the key Keyward already has, before verify, store or any .env write', async () => {
  const { page } = launched.app
  envFile = path.join(launched.dir, 'project.env')
  await add(page, SOLO, 'solo-ci', 'Solo (solomail.io)')
  const id = (await launched.app.desktop?.handlers['keys:window']({ offset: 0, limit: 1 }))?.keys[0]?.id ?? ''
  const desktop = launched.app.desktop
  if (desktop === undefined) throw new Error('chromium harness only')
  writeFileSync(envFile, 'PORT=8080\n')
  await desktop.handlers['dotenv:choose']({ purpose: 'write' })
  const selection = { ids: [id] }
  const { digest } = await desktop.handlers['dotenv:preview']({ file: envFile, selection })
  await desktop.handlers['dotenv:write']({ file: envFile, selection, digest })
  const written = readFileSync(envFile, 'utf8')
  const requestsBefore = simulators[1]?.requests.length ?? 0

  await page.getByRole('button', { name: 'Rotate…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Rotate solo-ci' })
  await dialog.getByLabel('New key').fill(`  ${SOLO}  `)
  await dialog.getByRole('button', { name: 'Verify and store' }).click()
  await expect(dialog.getByRole('alert')).toHaveText(
    'That is the key Keyward already has — create a new one at Solo (solomail.io) first. Nothing was stored.',
  )
  await expect(dialog.getByLabel('New key')).toBeFocused()
  await expect(dialog).not.toContainText('Delete the OLD key')
  expect(simulators[1]?.requests.length ?? 0).toBe(requestsBefore)
  expect(readFileSync(envFile, 'utf8')).toBe(written)
  await page.keyboard.press('Escape')
  await expect(page.getByRole('list', { name: 'Value history' }).getByRole('listitem')).toHaveCount(1)
  expect(launched.app.problems()).toEqual([])
})

test('4. Health, Needs attention and Activity follow add, set-value and rm made by the CLI', async () => {
  const { page } = launched.app
  const vault = path.join(launched.dir, 'vault')
  const cli = (args: string[], input = '') =>
    keyward(['--vault', vault, ...args], { env: { KEYWARD_PASSWORD: WINDOW_PASSWORD }, input })
  const within = { timeout: 2_000 }
  for (const [button, heading] of [
    ['Needs attention', /^Needs attention/],
    ['Health', /^Health/],
    ['Activity', /^Activity/],
  ] as const) {
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name: button }).click()
    await expect(page.getByRole('heading', { name: heading }).first()).toBeVisible()
    const main = page.getByRole('main')
    const name = `cli-${button.toLowerCase().replace(/\s+/g, '-')}`
    const added = await cli(
      ['add', '--provider', 'stripe', name, '--value-stdin', '--expires', '2020-01-01'],
      `sk_live_${name.replaceAll('-', '')}00000001`,
    )
    expect(added.code).toBe(0)
    await expect(main).toContainText(name, within)
    const changed = await cli(
      ['set-value', `stripe/${name}`, '--value-stdin'],
      `sk_live_${name.replaceAll('-', '')}00000002`,
    )
    expect(changed.code).toBe(0)
    if (button === 'Activity') await expect(main.getByRole('row').nth(1)).toContainText('value-changed', within)
    const removed = await cli(['rm', `stripe/${name}`, '--yes'])
    expect(removed.code).toBe(0)
    if (button === 'Activity') await expect(main.getByRole('row').nth(1)).toContainText('trashed', within)
    else await expect(main).not.toContainText(name, within)
  }
  await page.screenshot({ path: path.join(shots, 'activity-live.png') })
  expect(launched.app.problems()).toEqual([])
})

test('5. Add key: the prefix tells live from test, a stored value is said before saving, errors in words by their field', async () => {
  const { page } = launched.app
  const live = 'sk_live_TruthWindow0000000001'
  await page.getByRole('button', { name: 'Add key' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add key' })
  await dialog.getByLabel('Key', { exact: true }).fill(live)
  await expect(dialog.getByText('Detected: Stripe · live secret key')).toBeVisible()
  await expect(dialog.getByLabel('Environment', { exact: true })).toHaveValue('production')
  await dialog.getByLabel('Name', { exact: true }).fill('')
  await dialog.getByRole('button', { name: 'Save key' }).click()
  // The contract's refusal, in words, beside the name — which has the focus.
  const nameField = dialog.getByLabel('Name', { exact: true })
  await expect(nameField).toBeFocused()
  await expect(nameField).toHaveAttribute('aria-invalid', 'true')
  await expect(dialog.getByRole('alert')).toHaveText('The name cannot be empty.')
  await nameField.fill('stripe-live')
  await dialog.getByRole('button', { name: 'Save key' }).click()
  await expect(dialog).toBeHidden()
  // Focus lands on the new row's list, the row selected.
  await expect(page.getByRole('grid', { name: 'Keys' })).toBeFocused()
  await expect(row(page, 'stripe-live')).toHaveAttribute('aria-selected', 'true')

  // The same value again: said before saving.
  await page.getByRole('button', { name: 'Add key' }).click()
  await dialog.getByLabel('Key', { exact: true }).fill(live)
  const already = dialog.getByRole('group', { name: 'Already stored' })
  await expect(already).toContainText('Already stored as stripe/stripe-live.')
  await expect(dialog.getByRole('button', { name: 'Save key' })).toBeDisabled()
  await already.getByRole('button', { name: 'Open it' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('heading', { name: 'stripe-live', level: 2 })).toBeVisible()

  // A dialog gives focus back to what opened it.
  await page.getByRole('button', { name: 'Reveal' }).first().focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('dialog')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('button', { name: 'Reveal' }).first()).toBeFocused()
  expect(await page.content()).not.toContain(live)
  expect(launched.app.problems()).toEqual([])
})

test('6. Delete lists the .env files still holding the key, and revokes at the provider first when asked', async () => {
  const { page } = launched.app
  envFile = path.join(launched.dir, 'delete.env')
  await add(page, GITLAB, 'gitlab-ci')
  const desktop = launched.app.desktop
  if (desktop === undefined) throw new Error('chromium harness only')
  const id = (await desktop.handlers['keys:window']({ offset: 0, limit: 1 })).keys[0]?.id ?? ''
  writeFileSync(envFile, 'PORT=8080\n')
  await desktop.handlers['dotenv:choose']({ purpose: 'write' })
  const { digest } = await desktop.handlers['dotenv:preview']({ file: envFile, selection: { ids: [id] } })
  await desktop.handlers['dotenv:write']({ file: envFile, selection: { ids: [id] }, digest })
  await row(page, 'gitlab-ci').click()
  await detailAction(page, 'Delete…')
  const dialog = page.getByRole('dialog', { name: 'Move gitlab-ci to the Trash?' })
  await expect(dialog.getByRole('list', { name: 'Files that still hold the key' })).toContainText(envFile)
  const revokeAndDelete = dialog.getByRole('button', { name: 'Revoke at GitLab and move to Trash' })
  await expect(revokeAndDelete).toBeDisabled()
  await dialog.getByLabel(/Type the key's name/).fill('gitlab-ci')
  await revokeAndDelete.click()
  await expect(dialog).toBeHidden()
  expect(gitlabTokens.get(GITLAB)?.revoked).toBe(true)
  await expect(page.getByRole('grid', { name: 'Keys' })).toHaveCount(0)
  // Focus did not fall to the page: the deleted row's list is gone, the search has it.
  expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('BODY')
  expect(launched.app.problems()).toEqual([])
})

test('7. a guided rotation is journaled in main: after a lock it reopens at the old key, and ends with the proof', async () => {
  const { page } = launched.app
  const soloNew = 'solo_truth_next_000002'
  soloKeys.set(soloNew, { handle: 'ci-2', scope: ['read'], plan: 'Free', status: 'active', usedToday: 0 })
  await add(page, SOLO, 'solo-ci', 'Solo (solomail.io)')
  await page.getByRole('button', { name: 'Rotate…' }).click()
  let dialog = page.getByRole('dialog', { name: 'Rotate solo-ci' })
  await dialog.getByLabel('New key').fill(soloNew)
  await dialog.getByRole('button', { name: 'Verify and store' }).click()
  await expect(dialog.getByRole('status').first()).toContainText('Verified: Solo key is live')
  // Locked before the old key was deleted: the rotation is main's, not the dialog's.
  await launched.app.desktop?.vault.lock('idle')
  await page.getByLabel('Master password').fill(WINDOW_PASSWORD)
  await page.getByRole('button', { name: 'Unlock' }).click()
  await row(page, 'solo-ci').click()
  await page.getByRole('button', { name: 'Rotate…' }).click()
  dialog = page.getByRole('dialog', { name: 'Rotate solo-ci' })
  await expect(dialog).toContainText("3. Delete the OLD key in Solo (solomail.io)'s dashboard now")
  await expect(dialog.getByLabel('New key')).toHaveCount(0)
  const old = soloKeys.get(SOLO)
  if (old !== undefined) old.status = 'revoked' // deleted in Solo's dashboard
  await dialog.getByRole('button', { name: 'Done — I deleted it' }).click()
  await expect(dialog.getByRole('status').filter({ hasText: '4. ' })).toContainText('the old key is dead')
  await dialog.getByRole('button', { name: 'Done', exact: true }).click()
  await expect(page.getByText('Rotated solo-ci.')).toBeVisible()
  // The trail has the deletion; the next Rotate… starts afresh.
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name: 'Activity' }).click()
  await expect(page.getByRole('main')).toContainText('old-key-deleted')
  expect(launched.app.problems()).toEqual([])
})
