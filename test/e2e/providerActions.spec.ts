// Provider actions in the key detail, against the provider simulators through the harness's real main handlers:
// verify (live / invalid), sync (metadata shown), revoke by API with the typed name — the same core operations
// as `keyward verify / sync / revoke`.
import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { RunningSimulator } from '../simulators/simulatorServer'
import { startSoloSimulator, type SoloKey } from '../simulators/solo'
import { startSolenoidMeterSimulator } from '../simulators/solenoidMeter'
import { startGitlabSimulator, type GitlabToken } from '../simulators/wellKnown/gitlab'
import { createVaultInWindow } from './createVault'
import { launchApp, repoRoot, type LaunchedApp } from './harness'

const METER = 'sm_window_live_0000000001'
const GITLAB = 'glpat-WindowToken0000000001'
const shots = path.join(repoRoot, 'test-results', 'screenshots')
let app: LaunchedApp
let vaultDir: string
let simulators: RunningSimulator[]
let tokens: Map<string, GitlabToken>
let meterDelayMs = 0

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
  const solo = await startSoloSimulator(
    new Map<string, SoloKey>([
      ['solo_window_old_0000001', { name: 'ci', permissions: ['read'], plan: 'Free', status: 'active', usedToday: 0 }],
      ['solo_window_new_0000002', { name: 'ci-2', permissions: ['read'], plan: 'Free', status: 'active', usedToday: 0 }],
    ]),
  )
  simulators = [meter, gitlab, solo]
  vaultDir = mkdtempSync(path.join(tmpdir(), 'keyward-e2e-providers-'))
  const providerEnv = {
    KEYWARD_SOLENOID_METER_BASE_URL: meter.baseUrl,
    KEYWARD_GITLAB_BASE_URL: `${gitlab.origin}/api/v4`,
    KEYWARD_SOLO_BASE_URL: solo.baseUrl,
  }
  app = await launchApp({ vaultDir: path.join(vaultDir, 'vault'), providerEnv })
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
  await expect(page.getByText(/^\d{4}-\d{2}-\d{2} \(ok\)$/)).toBeVisible()
  simulators[0]?.requests.splice(0)
  // The same key, now unknown to the provider: invalid, stored as such.
  await page.getByRole('button', { name: 'New value…' }).click()
  await page.getByLabel('New value', { exact: true }).fill('sm_window_dead_0000000002')
  await page.getByRole('button', { name: /^Save|^Store/ }).click()
  await expect(page.getByRole('dialog')).toBeHidden()
  await page.getByRole('button', { name: 'Verify', exact: true }).click()
  await expect(page.getByText(/^Invalid: Solenoid Meter rejected the key/)).toBeVisible()
  await expect(page.getByText(/\(invalid\)$/)).toBeVisible()
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
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    expect(
      (await new AxeBuilder({ page }).analyze()).violations.map((violation) => violation.id),
      `revoke dialog, ${colorScheme}`,
    ).toEqual([])
  }
  await confirm.click()
  await expect(page.getByRole('dialog')).toBeHidden()
  await expect(page.getByText(/^Revoked: GitLab revoked the key/)).toBeVisible()
  expect(tokens.get(GITLAB)?.revoked).toBe(true)
  await expect(page.getByRole('button', { name: 'Revoke…' })).toBeHidden()
  expect(
    (await new AxeBuilder({ page }).analyze()).violations.map((violation) => violation.id),
    'detail with an answer',
  ).toEqual([])
  await page.screenshot({ path: path.join(shots, 'provider-actions.png') })
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
  await expect(dialog.getByRole('list', { name: 'Keys that need a look' })).toContainText('Solenoid Meter rejected the key')
  await expect(dialog.getByRole('progressbar')).toHaveAttribute('value', '3')
  expect((await new AxeBuilder({ page }).analyze()).violations.map((violation) => violation.id), 'verify all').toEqual([])
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
  await expect(dialog.getByRole('link', { name: "Open Solo (solomail.io)'s key page" })).toHaveAttribute('href', 'https://solomail.io/')
  await dialog.getByLabel('New key').fill('solo_window_typo_000009')
  await dialog.getByRole('button', { name: 'Verify and store' }).click()
  await expect(dialog.getByRole('alert')).toContainText('rejected the key')
  await expect(dialog.getByRole('alert')).toContainText('Nothing was stored.')
  await expect(page.getByRole('list', { name: 'Value history' }).getByRole('listitem')).toHaveCount(1)

  await dialog.getByLabel('New key').fill('solo_window_new_0000002')
  await dialog.getByRole('button', { name: 'Verify and store' }).click()
  await expect(dialog.getByRole('status')).toContainText('Verified: Solo key is live')
  expect((await new AxeBuilder({ page }).analyze()).violations.map((violation) => violation.id), 'guided rotation').toEqual([])
  await page.screenshot({ path: path.join(shots, 'guided-rotation.png') })
  await dialog.getByRole('button', { name: 'Done — I deleted it' }).click()
  await expect(page.getByText('Rotated solo-api-key.')).toBeVisible()
  await expect(page.getByRole('list', { name: 'Value history' }).getByRole('listitem')).toHaveCount(2)
  expect(await page.content()).not.toContain('solo_window_new')
  expect(app.problems()).toEqual([])
})

test('rotation by API: said what happens, then GitLab issues a new token and the old one stops working', async () => {
  test.skip(app.mode !== 'chromium', 'the simulators are reached through the Chromium harness')
  const { page } = app
  await add(GITLAB)
  await page.getByRole('button', { name: 'Rotate…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Rotate gitlab-token' })
  await expect(dialog).toContainText('GitLab issues a new key. Keyward stores it first')
  await dialog.getByRole('button', { name: 'Rotate now' }).click()
  await expect(dialog.getByRole('status')).toContainText('Rotated: GitLab issued a new key; it is stored')
  expect(tokens.get(GITLAB)?.revoked).toBe(true)
  expect([...tokens.values()].filter((token) => !token.revoked)).toHaveLength(1)
  await dialog.getByRole('button', { name: 'Done' }).click()
  await expect(page.getByText(/^Rotated: GitLab issued a new key/)).toBeVisible()
  await expect(page.getByRole('list', { name: 'Value history' }).getByRole('listitem')).toHaveCount(2)
  expect(await page.content()).not.toContain('glpat-')
  expect(app.problems()).toEqual([])
})
