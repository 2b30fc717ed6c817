// The CLI through the app: with the window unlocked, keyward get, list, run and env write work with no password
// anywhere — each only after the person allows it in the window, which names the program as the system reports it.
// Deny is the default; a refusal is exit 7; keyward lock locks the window and ends every grant.
import { expect, test } from '@playwright/test'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'dotenv'
import { keyward } from '../node/helpers/cli'
import { appWithVault, WINDOW_PASSWORD } from './appWithVault'
import { agentDirFor, readmeShots } from './harness'

const STRIPE = 'sk_live_AgentWindowCanary0000001'
const launched = appWithVault('keyward-e2e-agent-')

function cliEnv(): Record<string, string> {
  const vault = path.join(launched.dir, 'vault')
  return {
    KEYWARD_VAULT_DIR: vault,
    KEYWARD_AGENT_DIR: agentDirFor(vault),
    KEYWARD_STATE_DIR: path.join(launched.dir, 'state'),
  }
}

test.beforeEach(async () => {
  const added = await keyward(
    [
      'add',
      'prod',
      '--provider',
      'stripe',
      '--env-var',
      'STRIPE_SECRET_KEY',
      '--environment',
      'production',
      '--value-stdin',
    ],
    { env: { ...cliEnv(), KEYWARD_PASSWORD: WINDOW_PASSWORD }, input: STRIPE },
  )
  expect(added.code, added.stderr).toBe(0)
})

test('get, list, search, copy, run, env write through the app, each allowed in the window; Deny is exit 7', async () => {
  const { page } = launched.app
  const prompt = page.getByRole('dialog')

  const getting = keyward(['get', 'stripe/prod'], { env: cliEnv() })
  await expect(prompt.getByRole('heading')).toHaveText('A program asks for a key')
  await expect(prompt).toContainText('To print to the terminal:')
  await expect(prompt.getByRole('list', { name: 'Keys asked for' })).toContainText('stripe/prod production')
  await expect(prompt).toContainText('node ← node')
  await expect(prompt).toContainText('Its output goes to a pipe or a file, not a terminal')
  await expect(prompt).toContainText('A production key: allow once unless you are sure.')
  // A program without a terminal is never remembered; Deny has the focus.
  await expect(prompt.getByRole('button', { name: 'Allow for this terminal' })).toHaveCount(0)
  await expect(prompt.getByRole('button', { name: 'Deny' })).toBeFocused()
  await page.screenshot({ path: path.join(readmeShots, 'agent-approval.png') })
  await prompt.getByRole('button', { name: 'Allow once' }).click()
  const got = await getting
  expect(got).toMatchObject({ code: 0, stdout: `${STRIPE}\n` })
  await expect(prompt).toHaveCount(0)

  const denied = keyward(['get', 'stripe/prod'], { env: cliEnv() })
  await expect(prompt.getByRole('button', { name: 'Deny' })).toBeFocused()
  await page.keyboard.press('Enter') // Deny, the focused button
  expect(await denied).toMatchObject({ code: 7, stdout: '' })

  const listing = keyward(['list', '--json'], { env: cliEnv() })
  await expect(prompt.getByRole('heading')).toHaveText('A program asks to list your key names')
  await prompt.getByRole('button', { name: 'Allow once' }).click()
  const listed = JSON.parse((await listing).stdout) as { ref: string }[]
  expect(listed.map((key) => key.ref)).toEqual(['stripe/prod'])

  const searching = keyward(['search', 'prod'], { env: cliEnv() })
  await expect(prompt.getByRole('heading')).toHaveText('A program asks to list your key names')
  await prompt.getByRole('button', { name: 'Allow once' }).click()
  expect((await searching).stdout).toMatch(/stripe\/prod\s+STRIPE_SECRET_KEY\s+production/)

  // A stand-in xclip at the OS clipboard port: the value goes in through stdin.
  const bin = path.join(launched.dir, 'bin')
  mkdirSync(bin)
  writeFileSync(path.join(bin, 'xclip'), `#!/bin/sh\ncat > "${path.join(launched.dir, 'clipboard')}"\n`, {
    mode: 0o755,
  })
  const copying = keyward(['copy', 'stripe/prod', '--clear-after', '0'], {
    env: { ...cliEnv(), PATH: `${bin}:${process.env.PATH ?? ''}` },
  })
  await expect(prompt).toContainText('To copy to the clipboard:')
  await prompt.getByRole('button', { name: 'Allow once' }).click()
  expect((await copying).code).toBe(0)
  expect(readFileSync(path.join(launched.dir, 'clipboard'), 'utf8')).toBe(STRIPE)

  const running = keyward(
    [
      'run',
      '--keys',
      'stripe/prod',
      '--',
      process.execPath,
      '-e',
      'console.log(process.env.STRIPE_SECRET_KEY, process.env.KEYWARD_PASSWORD ?? "none")',
    ],
    { env: cliEnv() },
  )
  await expect(prompt).toContainText(`To run ${path.basename(process.execPath)} with them in its environment:`)
  await prompt.getByRole('button', { name: 'Allow once' }).click()
  expect((await running).stdout).toBe(`${STRIPE} none\n`)

  const project = path.join(launched.dir, 'project')
  mkdirSync(project)
  const writing = keyward(['env', 'write', path.join(project, '.env'), '--keys', 'stripe/prod'], { env: cliEnv() })
  await expect(prompt).toContainText(`To write ${path.join(project, '.env')}:`)
  await prompt.getByRole('button', { name: 'Allow once' }).click()
  expect((await writing).code).toBe(0)
  expect(parse(readFileSync(path.join(project, '.env')))).toEqual({ STRIPE_SECRET_KEY: STRIPE })

  // Activity names the program, its terminal and folder as the system reported them.
  await page.getByRole('button', { name: 'Activity' }).click()
  const rows = page.getByRole('table').getByRole('row')
  await expect(rows.nth(1)).toContainText('exported')
  await expect(rows.nth(1)).toContainText(/agent: node ← node \(no terminal, /)
  await expect(page.getByRole('main')).not.toContainText(STRIPE)
  expect(launched.app.problems()).toEqual([])
})

test('keyward lock locks the window and closes a waiting prompt; locked, the CLI wants the password', async () => {
  const { page } = launched.app
  const waiting = keyward(['get', 'stripe/prod'], { env: cliEnv() })
  await expect(page.getByRole('dialog')).toBeVisible()
  const locked = await keyward(['lock'], { env: cliEnv() })
  expect(locked).toMatchObject({ code: 0, stderr: 'Locked the app: every grant ended.\n' })
  await expect(page.getByRole('dialog')).toHaveCount(0)
  expect(await waiting).toMatchObject({ code: 7, stdout: '' })
  await expect(page.getByLabel('Master password')).toBeVisible()
  // Nobody at a terminal to unlock the app: the CLI falls back to its own unlock, which needs the password.
  const fallback = await keyward(['get', 'stripe/prod'], { env: cliEnv() })
  expect(fallback.code).toBe(3)
  const withPassword = await keyward(['get', 'stripe/prod'], {
    env: { ...cliEnv(), KEYWARD_PASSWORD: WINDOW_PASSWORD },
  })
  expect(withPassword.stdout).toBe(`${STRIPE}\n`)
})
