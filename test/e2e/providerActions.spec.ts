// Provider actions in the key detail, against the provider simulators through the harness's real main handlers:
// verify (live / invalid), sync (metadata shown), revoke by API with the typed name — the same core operations
// as `keyward verify / sync / revoke`.
import { expect, test } from '@playwright/test'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { RunningSimulator } from '../simulators/simulatorServer'
import { startSoloSimulator, type SoloKey } from '../simulators/solo'
import { startSolenoidMeterSimulator } from '../simulators/solenoidMeter'
import { startGitlabSimulator, type GitlabToken } from '../simulators/wellKnown/gitlab'
import { expectAccessibleInBothThemes } from './axe'
import { createVaultInWindow } from './createVault'
import { launchApp, readmeShots, repoRoot, type LaunchedApp } from './harness'
import { tabTo, detailAction } from './keyboard'
import { parse } from 'dotenv'

const METER = 'sm_window_live_0000000001'
const GITLAB = 'glpat-WindowToken0000000001'
const shots = path.join(repoRoot, 'test-results', 'screenshots')
let app: LaunchedApp
let vaultDir: string
let simulators: RunningSimulator[]
let tokens: Map<string, GitlabToken>
let meterDelayMs = 0
let envFile = ''
let soloKeys: Map<string, SoloKey>

test.beforeEach(async () => {
  tokens = new Map([
    [
      GITLAB,
      {
        id: 9,
        name: 'ci',
        scopes: ['api'],
        created_at: '2026-11-01T00:00:00Z',
        expires_at: '2027-02-01',
        revoked: false,
      },
    ],
  ])
  meterDelayMs = 0
  const meter = await startSolenoidMeterSimulator(new Set([METER, `${METER}b`]), { delayMs: () => meterDelayMs })
  const gitlab = await startGitlabSimulator(tokens)
  soloKeys = new Map<string, SoloKey>([
    ['solo_window_old_0000001', { handle: 'ci', scope: ['read'], plan: 'Free', status: 'active', usedToday: 0 }],
    ['solo_window_new_0000002', { handle: 'ci-2', scope: ['read'], plan: 'Free', status: 'active', usedToday: 0 }],
  ])
  const solo = await startSoloSimulator(soloKeys)
  simulators = [meter, gitlab, solo]
  vaultDir = mkdtempSync(path.join(tmpdir(), 'keyward-e2e-providers-'))
  const providerEnv = {
    KEYWARD_SOLENOID_METER_BASE_URL: meter.baseUrl,
    KEYWARD_GITLAB_BASE_URL: `${gitlab.origin}/api/v4`,
    KEYWARD_SOLO_BASE_URL: solo.baseUrl,
  }
  envFile = path.join(vaultDir, 'project.env')
  app = await launchApp({
    vaultDir: path.join(vaultDir, 'vault'),
    providerEnv,
    fileDialog: { chooseEnvFile: async () => envFile },
  })
  await createVaultInWindow(app.page, 'correct horse battery staple 7')
})
test.afterEach(async () => {
  await app.close()
  await Promise.all(simulators.map((simulator) => simulator.close()))
  rmSync(vaultDir, { recursive: true, force: true })
})

async function add(value: string, name?: string): Promise<void> {
  const { page } = app
  await page.getByRole('button', { name: 'Add key' }).click()
  await page.getByLabel('Key', { exact: true }).fill(value)
  await expect(page.getByText(/^Detected: /)).toBeVisible()
  if (name !== undefined) await page.getByLabel('Name', { exact: true }).fill(name)
  await page.getByRole('button', { name: 'Save key' }).click()
  await expect(page.getByRole('dialog')).toBeHidden()
}

test('verify answers live or invalid, with why; what the provider reported shows in the detail', async () => {
  test.skip(app.mode !== 'chromium', 'the simulators are reached through the Chromium harness')
  const { page } = app
  await add(METER)
  await page.getByRole('button', { name: 'Verify', exact: true }).click()
  await expect(page.getByText('Live: Solenoid Meter key is live (balance 1250).')).toBeVisible()
  const reported = page.getByRole('definition').filter({ hasText: 'usr_7f3a' })
  await expect(reported).toBeVisible()
  await expect(page.getByText(/^\d{4}-\d{2}-\d{2} \(live\)$/)).toBeVisible()
  simulators[0]?.requests.splice(0)
  // The same key, now unknown to the provider: invalid, stored as such.
  await detailAction(page, 'New value…')
  await page.getByLabel('New value', { exact: true }).fill('sm_window_dead_0000000002')
  await page.getByRole('button', { name: /^Save|^Store/ }).click()
  await expect(page.getByRole('dialog')).toBeHidden()
  await page.getByRole('button', { name: 'Verify', exact: true }).click()
  await expect(page.getByText(/^Invalid: Solenoid Meter rejected the key/)).toBeVisible()
  await expect(page.getByText(/\(rejected\)$/)).toBeVisible()
  expect(await page.content()).not.toContain('sm_window_')
  expect(app.problems()).toEqual([])
})

test("sync shows the token's scopes and expiry; revoke needs the typed name, then the token is dead at GitLab", async () => {
  test.skip(app.mode !== 'chromium', 'the simulators are reached through the Chromium harness')
  const { page } = app
  await add(GITLAB)
  await page.getByRole('button', { name: 'Sync', exact: true }).click()
  await expect(page.getByText(/^Live: GitLab token "ci" is live \(api, expires 2027-02-01\)/)).toBeVisible()
  await expect(page.getByRole('definition').filter({ hasText: /^api$/ })).toBeVisible()
  await page.getByRole('button', { name: 'Revoke…' }).click()
  const confirm = page.getByRole('button', { name: 'Revoke key' })
  await expect(confirm).toBeDisabled()
  await page.getByLabel(/Type the key's name/).fill('gitlab-token')
  await page.screenshot({ path: path.join(shots, 'revoke-dialog.png') })
  await expectAccessibleInBothThemes(page, 'revoke dialog')
  await confirm.click()
  await expect(page.getByRole('dialog')).toBeHidden()
  await expect(page.getByText(/^Revoked: GitLab revoked the key/)).toBeVisible()
  expect(tokens.get(GITLAB)?.revoked).toBe(true)
  await expect(page.getByRole('button', { name: 'Revoke…' })).toBeHidden()
  await expectAccessibleInBothThemes(page, 'detail with an answer')
  await page.screenshot({ path: path.join(readmeShots, 'provider-actions.png') })
  expect(app.problems()).toEqual([])
})

test('verify all: a progress bar and the answers as they come; Cancel stops before the next key', async () => {
  test.skip(app.mode !== 'chromium', 'the simulators are reached through the Chromium harness')
  const { page } = app
  await add(METER, 'meter-a')
  await add(`${METER}b`, 'meter-b')
  await add('sm_window_dead_0000000003', 'meter-dead')
  await page.getByRole('button', { name: 'Verify all' }).click()
  const dialog = page.getByRole('dialog', { name: 'Verify all' })
  await expect(dialog.getByRole('status')).toHaveText('3 of 3 verified · 2 live · 1 invalid')
  await expect(dialog.getByRole('list', { name: 'Keys that need a look' })).toContainText(
    'Solenoid Meter rejected the key',
  )
  await expect(dialog.getByRole('progressbar')).toHaveAttribute('value', '3')
  await expectAccessibleInBothThemes(page, 'verify all')
  await page.screenshot({ path: path.join(shots, 'verify-all.png') })
  await dialog.getByRole('button', { name: 'Done' }).click()
  await expect(page.getByText('3 of 3 verified · 2 live · 1 invalid')).toBeVisible()

  // A slow provider: Cancel lets the key in flight finish, then stops.
  meterDelayMs = 1500
  await page.getByRole('button', { name: 'Verify all' }).click()
  await expect(dialog.getByRole('status')).toHaveText(/^0 of 3 verified/)
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog.getByRole('status')).toHaveText(/^1 of 3 verified · 1 live · stopped$/, { timeout: 10_000 })
  expect(app.problems()).toEqual([])
})

test('guided rotation: the key page, a typo refused before anything is stored, then the new key verified and stored', async () => {
  test.skip(app.mode !== 'chromium', 'the simulators are reached through the Chromium harness')
  const { page } = app
  await page.getByRole('button', { name: 'Add key' }).click()
  await page.getByLabel('Key', { exact: true }).fill('solo_window_old_0000001')
  await page.getByLabel('Provider', { exact: true }).selectOption({ label: 'Solo (solomail.io)' })
  await page.getByRole('button', { name: 'Save key' }).click()
  await expect(page.getByRole('dialog')).toBeHidden()

  await page.getByRole('button', { name: 'Rotate…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Rotate solo-api-key' })
  await expect(dialog.getByRole('link', { name: "Open Solo (solomail.io)'s key page" })).toHaveAttribute(
    'href',
    'https://solomail.io/',
  )
  await dialog.getByLabel('New key').fill('solo_window_typo_000009')
  await dialog.getByRole('button', { name: 'Verify and store' }).click()
  await expect(dialog.getByRole('alert')).toContainText('rejected the key')
  await expect(dialog.getByRole('alert')).toContainText('Nothing was stored.')
  await expect(page.getByRole('list', { name: 'Value history' }).getByRole('listitem')).toHaveCount(1)

  await dialog.getByLabel('New key').fill('solo_window_new_0000002')
  await dialog.getByRole('button', { name: 'Verify and store' }).click()
  await expect(dialog.getByRole('status')).toContainText('Verified: Solo key is live')
  await expectAccessibleInBothThemes(page, 'guided rotation')
  await page.screenshot({ path: path.join(readmeShots, 'guided-rotation.png') })
  // "I deleted it" before doing so: Solo still accepts the old key, and the dialog says so.
  await dialog.getByRole('button', { name: 'Done — I deleted it' }).click()
  await expect(dialog.getByRole('status').filter({ hasText: '4. ' })).toContainText('still accepts the old key')
  const old = soloKeys.get('solo_window_old_0000001')
  if (old !== undefined) old.status = 'revoked' // deleted in Solo's dashboard
  await dialog.getByRole('button', { name: 'Check again' }).click()
  await expect(dialog.getByRole('status').filter({ hasText: '4. ' })).toContainText('the old key is dead')
  await dialog.getByRole('button', { name: 'Done', exact: true }).click()
  await expect(page.getByText('Rotated solo-api-key.')).toBeVisible()
  await expect(page.getByRole('list', { name: 'Value history' }).getByRole('listitem')).toHaveCount(2)
  expect(await page.content()).not.toContain('solo_window_new')
  expect(app.problems()).toEqual([])
})

/** The key written to the project's .env through the window's own handlers (setup; the .env dialogs have their spec). */
async function writeToEnv(keyId: string): Promise<void> {
  const desktop = app.desktop
  if (desktop === undefined) throw new Error('chromium harness only')
  writeFileSync(envFile, '# project\nPORT=8080\n')
  await desktop.handlers['dotenv:choose']({ purpose: 'write' })
  const selection = { ids: [keyId] }
  const { digest } = await desktop.handlers['dotenv:preview']({ file: envFile, selection })
  await desktop.handlers['dotenv:write']({ file: envFile, selection, digest })
}

async function onlyKeyId(): Promise<string> {
  const id = (await app.desktop?.handlers['keys:window']({ offset: 0, limit: 1 }))?.keys[0]?.id
  if (id === undefined) throw new Error('no key')
  return id
}

test('rotation by API as a stepper, keyboard only: .env diff chosen, written, the old token proven rejected', async () => {
  test.skip(app.mode !== 'chromium', 'the simulators are reached through the Chromium harness')
  const { page } = app
  await add(GITLAB)
  await writeToEnv(await onlyKeyId())
  await page.getByRole('grid', { name: 'Keys' }).focus()
  await tabTo(page, 'Rotate…')
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: 'Rotate gitlab-token' })
  await expect(dialog).toContainText('GitLab issues a new key. Keyward verifies it, stores it')
  await expect(dialog.getByRole('button', { name: 'Start rotation' })).toBeFocused()
  await page.keyboard.press('Enter')
  const steps = dialog.getByRole('list', { name: 'Rotation steps' })
  await expect(steps.getByRole('listitem').nth(2)).toContainText('Store it as the current version ✓ done')
  await expect(steps.getByRole('listitem').nth(1)).toContainText('GitLab token "ci" is live')
  const fileChoice = dialog.getByRole('checkbox', { name: new RegExp(envFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })
  await expect(fileChoice).toBeChecked()
  await expect(dialog).toContainText('glpat-…0001')
  expect(await page.content()).not.toMatch(/glpat-[A-Za-z0-9_-]{20}/)
  await expectAccessibleInBothThemes(page, 'rotation stepper', 'dialog')
  await page.screenshot({ path: path.join(readmeShots, 'rotation-stepper.png') })
  await tabTo(page, 'Write 1 file')
  await page.keyboard.press('Enter')
  await expect(steps.getByRole('listitem').nth(5)).toContainText('Prove the old key is rejected ✓ done')
  await expect(steps.getByRole('listitem').nth(5)).toContainText('the old key is dead')
  await expect(steps.getByRole('listitem').nth(4)).toContainText('GitLab retired the old key with the rotation')
  const live = [...tokens].filter(([, token]) => !token.revoked).map(([value]) => value)
  expect(tokens.get(GITLAB)?.revoked).toBe(true)
  expect(live).toHaveLength(1)
  expect(parse(readFileSync(envFile, 'utf8'))).toEqual({ PORT: '8080', GITLAB_TOKEN: live[0] })
  await page.screenshot({ path: path.join(shots, 'rotation-done.png') })
  await expect(dialog.getByRole('button', { name: 'Done' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('list', { name: 'Value history' }).getByRole('listitem')).toHaveCount(2)
  expect(await page.content()).not.toContain(live[0])
  // A finished rotation is history: Rotate… offers a new one.
  await page.getByRole('button', { name: 'Rotate…' }).click()
  await expect(dialog.getByRole('button', { name: 'Start rotation' })).toBeVisible()
  await page.keyboard.press('Escape')
  expect(app.problems()).toEqual([])
})

test('a rotation interrupted by a lock resumes where it stopped after the unlock', async () => {
  test.skip(app.mode !== 'chromium', 'the simulators are reached through the Chromium harness')
  const { page } = app
  await add(GITLAB)
  await writeToEnv(await onlyKeyId())
  await page.getByRole('button', { name: 'Rotate…' }).click()
  let dialog = page.getByRole('dialog', { name: 'Rotate gitlab-token' })
  await dialog.getByRole('button', { name: 'Start rotation' }).click()
  await expect(dialog.getByRole('button', { name: 'Write 1 file' })).toBeVisible()
  // Auto-lock (idle, suspend, screen lock) while the stepper waits for the user at the .env files.
  await app.desktop?.vault.lock('idle')
  await expect(page.getByRole('heading', { name: 'Unlock your vault' })).toBeVisible()
  await page.getByLabel('Master password').fill('correct horse battery staple 7')
  await page.getByRole('button', { name: 'Unlock' }).click()
  await page.getByRole('grid', { name: 'Keys' }).getByRole('row').first().click()
  await page.getByRole('button', { name: 'Rotate…' }).click()
  dialog = page.getByRole('dialog', { name: 'Rotate gitlab-token' })
  const steps = dialog.getByRole('list', { name: 'Rotation steps' })
  await expect(steps.getByRole('listitem').nth(0)).toContainText('✓ done')
  await expect(steps.getByRole('listitem').nth(2)).toContainText('✓ done')
  await expect(steps.getByRole('listitem').nth(3)).toHaveAttribute('aria-current', 'step')
  expect([...tokens.values()].filter((token) => !token.revoked)).toHaveLength(1) // created once, not twice
  await dialog.getByRole('button', { name: 'Write 1 file' }).click()
  await expect(steps.getByRole('listitem').nth(5)).toContainText('✓ done')
  expect(parse(readFileSync(envFile, 'utf8')).GITLAB_TOKEN).toBe([...tokens].find(([, token]) => !token.revoked)?.[0])
  expect(app.problems()).toEqual([])
})

test("rotating an expired key asks for the new key's dates before it is done", async () => {
  test.skip(app.mode !== 'chromium', 'the simulators are reached through the Chromium harness')
  const { page } = app
  await app.desktop?.handlers['key:add']({
    provider: 'solo',
    name: 'old-solo',
    envVar: null,
    environment: 'development',
    expiresAt: '2020-01-01',
    rotateEveryDays: null,
    remindBeforeDays: null,
    tags: [],
    notes: '',
    value: 'solo_window_old_0000001',
    formatCheck: false,
  })
  // Added behind the window's back: a search (in main) finds it.
  await page.getByLabel('Search keys').fill('old-solo')
  await page.getByRole('grid', { name: 'Keys' }).getByRole('row').first().click()
  await page.getByRole('button', { name: 'Rotate…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Rotate old-solo' })
  await dialog.getByLabel('New key').fill('solo_window_new_0000002')
  await dialog.getByRole('button', { name: 'Verify and store' }).click()
  await expect(dialog).toContainText("The old key's expiry date (2020-01-01) had passed and is cleared")
  // Cleared by the store itself (the key is active again, as in the CLI) before any date is given.
  expect((await app.desktop?.handlers['keys:window']({ offset: 0, limit: 1 }))?.keys[0]).toMatchObject({
    expiresAt: null,
    status: 'active',
  })
  await dialog.getByLabel('Expires on').fill('2030-06-30')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).not.toContainText('had passed')
  expect((await app.desktop?.handlers['keys:window']({ offset: 0, limit: 1 }))?.keys[0]).toMatchObject({
    expiresAt: '2030-06-30',
    status: 'active',
  })
  expect(app.problems()).toEqual([])
})
