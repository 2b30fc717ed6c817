// Custom providers in Settings: added, refused with the CLI's own validation, edited and removed, against the real
// handlers; the provider is then offered when adding a key.
import { expect, test } from '@playwright/test'
import { expectAccessibleInBothThemes } from './axe'
import { appWithVault } from './appWithVault'

const launched = appWithVault('keyward-e2e-custom-')

test('add (a pattern RE2 cannot match in linear time refused), edit and remove a custom provider', async () => {
  const { app } = launched
  const { page } = app
  await page.getByRole('button', { name: 'Settings' }).click()
  await page.getByRole('button', { name: 'Add provider' }).click()
  const form = page.getByRole('dialog', { name: 'Add a provider' })
  await form.getByLabel('Id', { exact: true }).fill('acme')
  await form.getByLabel('Name', { exact: true }).fill('Acme API')
  await form.getByLabel('API base URL').fill('http://example.com')
  await form.getByLabel('The key is sent as').selectOption('header')
  await form.getByLabel('Header name').fill('X-Acme-Key')
  await form.getByLabel('Verify path').fill('/v1/me')
  await form.getByLabel('Key format (regular expression, optional)').fill('^(?!test_)[a-z]+$')
  await expectAccessibleInBothThemes(page, 'provider form')
  await form.getByRole('button', { name: 'Save provider' }).click()
  await expect(form.getByRole('alert')).toContainText('https, or plain http to 127.0.0.1/localhost only')
  await form.getByLabel('API base URL').fill('https://api.acme.test')
  await form.getByRole('button', { name: 'Save provider' }).click()
  await expect(form.getByRole('alert')).toContainText('no look-around or back-references')
  await form.getByLabel('Key format (regular expression, optional)').fill('^acme_[a-z0-9]{24}$')
  await form.getByRole('button', { name: 'Save provider' }).click()
  await expect(form).toBeHidden()
  const list = page.getByRole('list', { name: 'Custom providers' })
  await expect(list).toContainText('Acme API acme · GET https://api.acme.test/v1/me')

  await list.getByRole('button', { name: 'Edit Acme API' }).click()
  const edit = page.getByRole('dialog', { name: 'Edit Acme API' })
  await expect(edit.getByLabel('Id', { exact: true })).toBeDisabled()
  await expect(edit.getByLabel('Env var')).toHaveValue('ACME_API_KEY')
  await edit.getByLabel('Name', { exact: true }).fill('Acme')
  await edit.getByRole('button', { name: 'Save provider' }).click()
  await expect(list).toContainText('Acme acme')

  // The provider is one of the add form's choices, and a pasted key of its format is recognised.
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name: 'Keys' }).click()
  await page.getByRole('button', { name: 'Add key' }).click()
  await page.getByLabel('Key', { exact: true }).fill(`acme_${'k7m2p9q4'.repeat(3)}`)
  await expect(page.getByText(/^Detected: Acme/)).toBeVisible()
  await page.getByRole('button', { name: 'Cancel' }).click()

  await page.getByRole('button', { name: 'Settings' }).click()
  await list.getByRole('button', { name: 'Remove Acme' }).click()
  await page.getByRole('dialog', { name: 'Remove Acme?' }).getByRole('button', { name: 'Remove provider' }).click()
  await expect(page.getByText('Removed Acme; its keys stay in the vault.')).toBeVisible()
  await expect(page.getByText('No custom providers.')).toBeVisible()
  expect(app.problems()).toEqual([])
})
