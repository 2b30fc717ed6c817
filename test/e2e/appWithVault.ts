import { test } from '@playwright/test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createVaultInWindow } from './createVault'
import { launchApp, type LaunchedApp, type LaunchOptions } from './harness'

export const WINDOW_PASSWORD = 'correct horse battery staple 7'

/**
 * Each test of the spec gets the app in a fresh temporary directory with a vault created through the window, and
 * both are closed and removed after it. `options` adds launch options (a file dialog, provider simulators).
 */
export function appWithVault(
  prefix: string,
  options: () => Omit<LaunchOptions, 'vaultDir'> = () => ({}),
): { readonly app: LaunchedApp; readonly dir: string } {
  let app: LaunchedApp | undefined
  let dir = ''
  test.beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), prefix))
    app = await launchApp({ ...options(), vaultDir: path.join(dir, 'vault') })
    await createVaultInWindow(app.page, WINDOW_PASSWORD)
  })
  test.afterEach(async () => {
    await app?.close()
    rmSync(dir, { recursive: true, force: true })
  })
  return {
    get app(): LaunchedApp {
      if (app === undefined) throw new Error('the app starts in beforeEach')
      return app
    },
    get dir(): string {
      return dir
    },
  }
}
