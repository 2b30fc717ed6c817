// Adding keys whose provider cannot be told from the value: a Mailosaur key (no documented format) is added by
// choosing the provider; an AWS key is a pair — the secret in the masked field, the access key id beside it.
import { expect, test } from '@playwright/test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { keyward } from '../node/helpers/cli'
import { startElasticEmailSimulator } from '../simulators/elasticEmail'
import type { RunningSimulator } from '../simulators/simulatorServer'
import { createVaultInWindow } from './createVault'
import { launchApp, type LaunchedApp } from './harness'

const PASSWORD = 'correct horse battery staple 7'
const MAILOSAUR = 'mlsrKey0123456789abcdefXYZ'
const AWS_SECRET = 'q9Zx4Lm2Vb7Nc1Rt5Yh8Kj3Pw6Sd0Fg2Ha4Jk/+U'
const ELASTIC = `Q${'0A1B2C3D4E5F6G7H'.repeat(6).slice(1)}`
let app: LaunchedApp
let vaultDir: string
let elastic: RunningSimulator & { baseUrl: string }

test.beforeEach(async () => {
  vaultDir = mkdtempSync(path.join(tmpdir(), 'keyward-e2e-add-'))
  elastic = await startElasticEmailSimulator([
    { name: 'website', token: 'F'.repeat(96), accessLevel: ['Security', 'SendHttp'], expires: null, ipRanges: [] },
    {
      name: 'ci-deploy',
      token: ELASTIC,
      accessLevel: ['Security', 'ViewAccessTokens', 'ModifyAccessTokens'],
      expires: null,
      ipRanges: [],
    },
  ])
  app = await launchApp({
    vaultDir: path.join(vaultDir, 'vault'),
    providerEnv: { KEYWARD_ELASTIC_EMAIL_BASE_URL: elastic.baseUrl },
  })
  await createVaultInWindow(app.page, PASSWORD)
})
test.afterEach(async () => {
  await app.close()
  await elastic.close()
  rmSync(vaultDir, { recursive: true, force: true })
})

test('a key of an unrecognisable format is added by choosing its provider', async () => {
  const { page } = app
  await page.getByRole('button', { name: 'Add key' }).click()
  await page.getByLabel('Key', { exact: true }).fill(MAILOSAUR)
  await expect(page.getByText('Unknown format: choose the provider below.')).toBeVisible()
  await page.getByLabel('Provider', { exact: true }).selectOption({ label: 'Mailosaur' })
  await expect(page.getByLabel('Environment variable')).toHaveValue('MAILOSAUR_API_KEY')
  await page.getByRole('button', { name: 'Save key' }).click()
  await expect(page.getByRole('dialog')).toBeHidden()
  await expect(page.getByRole('grid', { name: 'Keys' }).getByRole('row')).toHaveCount(1)
  await expect(page.getByRole('heading', { name: 'mailosaur-api-key' })).toBeVisible()
  expect(app.problems()).toEqual([])
})

test('an AWS key needs its access key id beside the secret; a missing or malformed id is refused, nothing stored', async () => {
  const { page } = app
  await page.getByRole('button', { name: 'Add key' }).click()
  await page.getByLabel('Key', { exact: true }).fill(AWS_SECRET)
  await page.getByLabel('Provider', { exact: true }).selectOption({ label: 'AWS' })
  const id = page.getByLabel(/^Access key id/)
  await expect(id).toBeVisible()
  await page.getByRole('button', { name: 'Save key' }).click()
  await expect(page.getByRole('alert')).toContainText('give its access key id too')
  await id.fill('AKIA-not-an-id')
  await page.getByRole('button', { name: 'Save key' }).click()
  await expect(page.getByRole('alert')).toContainText("not AWS's access key id format")
  await id.fill('AKIA7Q4N2B5X9C3D8E6F')
  await page.getByRole('button', { name: 'Save key' }).click()
  await expect(page.getByRole('dialog')).toBeHidden()
  await expect(page.getByRole('grid', { name: 'Keys' }).getByRole('row')).toHaveCount(1)
  expect(await page.content()).not.toContain(AWS_SECRET)
  // What was stored, read by the CLI from the same vault files: the secret as the value, the id as metadata.
  const env = { KEYWARD_VAULT_DIR: path.join(vaultDir, 'vault'), KEYWARD_PASSWORD: PASSWORD }
  const shown = JSON.parse((await keyward(['show', 'aws/aws-secret-access-key', '--json'], { env })).stdout) as {
    metadata: Record<string, unknown>
  }
  expect(shown.metadata).toEqual({ accessKeyId: 'AKIA7Q4N2B5X9C3D8E6F' })
  expect((await keyward(['get', 'aws/aws-secret-access-key'], { env })).stdout).toBe(`${AWS_SECRET}\n`)
  expect(app.problems()).toEqual([])
})

test('an Elastic Email key: its name at Elastic Email found on request and recorded with it', async () => {
  const { page } = app
  await page.getByRole('button', { name: 'Add key' }).click()
  await page.getByLabel('Key', { exact: true }).fill(ELASTIC)
  await expect(page.getByText('Detected: Elastic Email')).toBeVisible()
  await page.getByRole('button', { name: 'Find its name at Elastic Email' }).click()
  await page.getByLabel('Name at Elastic Email').selectOption('ci-deploy')
  await page.getByRole('button', { name: 'Save key' }).click()
  await expect(page.getByRole('dialog')).toBeHidden()
  const env = { KEYWARD_VAULT_DIR: path.join(vaultDir, 'vault'), KEYWARD_PASSWORD: PASSWORD }
  const shown = JSON.parse(
    (await keyward(['show', 'elastic-email/elasticemail-api-key', '--json'], { env })).stdout,
  ) as {
    metadata: Record<string, unknown>
  }
  expect(shown.metadata).toEqual({ remoteName: 'ci-deploy' })
  expect(app.problems()).toEqual([])
})
