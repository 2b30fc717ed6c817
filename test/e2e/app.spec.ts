import { expect, test } from '@playwright/test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { launchApp, repoRoot, type LaunchedApp } from './harness'
import { readFileSync } from 'node:fs'

const version = (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version

let app: LaunchedApp
let vaultDir: string

test.beforeEach(async () => {
  vaultDir = mkdtempSync(path.join(tmpdir(), 'keyward-e2e-'))
  app = await launchApp({ vaultDir })
})

test.afterEach(async () => {
  await app.close()
  rmSync(vaultDir, { recursive: true, force: true })
})

test('the window shows the version from app:info, with no console error and no CSP violation', async () => {
  await app.page.getByRole('button', { name: 'About' }).click()
  await expect(app.page.getByTestId('app-version')).toHaveText(version)
  await expect(app.page.getByTestId('vault-dir')).toHaveText(vaultDir)
  await expect(app.page.getByTestId('storage')).toContainText('Multiple Ciphers')
  expect(app.problems()).toEqual([])
})

test('main → renderer events arrive while subscribed and stop after unsubscribe', async () => {
  await app.page.getByRole('button', { name: 'About' }).click()
  // About no longer has a developer's "Check connection" (issue 22): the test asks main itself.
  expect(await app.page.evaluate(() => window.keyward.invoke('app:ping', {}))).toMatchObject({ ok: true })

  const seen = await app.page.evaluate(async () => {
    const received: number[] = []
    const all: number[] = []
    const waitFor = async (list: number[], count: number) => {
      for (let i = 0; i < 100 && list.length < count; i++) await new Promise((r) => setTimeout(r, 20))
    }
    const keep = window.keyward.subscribe('app:ping', ({ seq }) => all.push(seq))
    const unsubscribe = window.keyward.subscribe('app:ping', ({ seq }) => received.push(seq))
    await window.keyward.invoke('app:ping', {})
    await waitFor(received, 1)
    unsubscribe()
    await window.keyward.invoke('app:ping', {})
    await waitFor(all, 2)
    await new Promise((r) => setTimeout(r, 300))
    keep()
    return { received, all }
  })
  // The one unsubscribed saw only the ping before; the other, still subscribed, saw both.
  expect(seen).toEqual({ received: [2], all: [2, 3] })
})

test('the page has no Node, no eval, no inline script, and only the contract API', async () => {
  const probe = await app.page.evaluate(async () => {
    const flags = window as { __inlineRan?: boolean; __evalRan?: boolean; __handlerRan?: boolean }
    /** 'blocked' when the page refused to even take the code (Trusted Types), else whether it ran. */
    const attempt = async (plant: () => void, ran: () => boolean | undefined): Promise<string> => {
      try {
        plant()
      } catch (error) {
        return error instanceof TypeError ? 'blocked' : 'threw'
      }
      await new Promise((resolve) => setTimeout(resolve, 100))
      return ran() === true ? 'ran' : 'blocked'
    }
    const inlineScript = await attempt(
      () => {
        const script = document.createElement('script')
        script.textContent = 'window.__inlineRan = true'
        document.body.append(script)
      },
      () => flags.__inlineRan,
    )
    // A string timer is eval. Playwright's own evaluate is exempt from CSP, so eval is probed through the page's
    // timer queue, where the policy applies.
    const stringTimer = await attempt(
      () => (setTimeout as unknown as (code: string, ms: number) => void)('window.__evalRan = true', 0),
      () => flags.__evalRan,
    )
    const inlineHandler = await attempt(
      () => {
        const button = document.createElement('button')
        button.setAttribute('onclick', 'window.__handlerRan = true')
        document.body.append(button)
        button.click()
      },
      () => flags.__handlerRan,
    )
    const htmlSink = await attempt(
      () => {
        document.body.insertAdjacentHTML('beforeend', '<img src=x onerror="window.__handlerRan = true">')
      },
      () => flags.__handlerRan,
    )
    const unknown = await window.keyward.invoke('vault:export' as 'app:info', {})
    const malformed = await window.keyward.invoke('app:info', { path: '/etc' } as never)
    return {
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      apiKeys: Object.keys(window.keyward).sort(),
      apiFrozen: Object.isFrozen(window.keyward),
      inlineScript,
      stringTimer,
      inlineHandler,
      htmlSink,
      unknown: unknown.ok ? 'ok' : unknown.error.code,
      malformed: malformed.ok ? 'ok' : malformed.error.code,
    }
  })
  expect(probe).toEqual({
    require: 'undefined',
    process: 'undefined',
    apiKeys: ['invoke', 'subscribe'],
    apiFrozen: true,
    inlineScript: 'blocked',
    stringTimer: 'blocked',
    inlineHandler: 'blocked',
    htmlSink: 'blocked',
    unknown: 'UNKNOWN_CHANNEL',
    malformed: 'INVALID_INPUT',
  })
  // The blocked attempts were reported as violations: the policy is live, not just declared.
  await expect
    .poll(() => app.problems().filter((problem) => /Content Security Policy|trusted/i.test(problem)).length)
    .toBeGreaterThan(0)
})

test('a page of another origin gets FORBIDDEN_SENDER from main', async () => {
  test.skip(app.openAt === undefined, 'needs the Chromium bridge: Electron serves only app://')
  const foreign = await app.openAt?.('foreign')
  if (foreign === undefined) return
  // In words, never the raw code (issue 19); the code itself is checked on the call's result below.
  await expect(foreign.getByRole('alert')).toContainText('This page may not talk to Keyward.')
  await expect(foreign.getByRole('alert')).not.toContainText('FORBIDDEN_SENDER')
  const result = await foreign.evaluate(() => window.keyward.invoke('app:ping', {}))
  expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } })
})
