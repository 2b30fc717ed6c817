// Starts Keyward for an end-to-end spec, the same way for every spec:
// - by default, the BUILT renderer (out/renderer) in Chromium (/usr/bin/chromium when present), bridged to the
//   REAL main-process handlers running in this test process (see bridge.ts);
// - with KEYWARD_E2E_ELECTRON=1 and an Electron binary installed, the real app through Playwright's _electron.
import { _electron, chromium, type Page } from '@playwright/test'
import { existsSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { composeDesktopApp, type DesktopApp } from '../../src-main/core/app/desktopApp'
import { agentEndpoint } from '../../src-main/core/agent/platformPeers'
import type { Clipboard } from '../../src-main/core/ports/Clipboard'
import type { FileDialog } from '../../src-main/core/ports/FileDialog'
import type { PowerEvents } from '../../src-main/core/ports/PowerEvents'
import { describeApp } from '../../src-main/core/app/appInfo'
import { probeStorageEngine } from '../../src-main/core/db/storageEngine'
import { registerHandlers } from '../../src-main/core/ipc/handle'
import { trustOrigins } from '../../src-main/core/ipc/senderPolicy'
import { systemClock, type Clock } from '../../src-main/core/ports/Clock'
import { findElectronBinary } from '../../src-main/tooling/electronBinary'
import { PageBridge } from './bridge'
import { serveRenderer } from './rendererServer'

export const repoRoot = path.resolve(import.meta.dirname, '..', '..')
/**
 * Where the README's screenshots live: the specs that take them write them there on every e2e run, so the README
 * shows the window as it is (commit them with the change that altered the window).
 */
export const readmeShots = path.join(repoRoot, 'docs', 'screenshots')
const out = path.join(repoRoot, 'out')
const packageVersion = (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string })
  .version

export interface LaunchedApp {
  readonly page: Page
  /** 'chromium' (built renderer + real handlers over the bridge) or 'electron' (the real app). */
  readonly mode: 'chromium' | 'electron'
  /** Console errors, uncaught page errors and CSP violations seen so far. */
  problems(): string[]
  /** The composed app (chromium mode only): its vault service, to check what the window did. */
  readonly desktop?: DesktopApp
  /** OS notifications raised so far (chromium mode only), each with its click. */
  readonly notices?: readonly { title: string; body: string; click: () => void }[]
  /** Opens another page of the built renderer at `origin` (chromium mode only), for origin checks. */
  openAt?(origin: 'app' | 'foreign'): Promise<Page>
  close(): Promise<void>
}

export function electronRequested(): boolean {
  return process.env.KEYWARD_E2E_ELECTRON === '1'
}

function watchProblems(page: Page, problems: string[]): void {
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
}

async function launchElectron(vaultDir: string): Promise<LaunchedApp> {
  const electron = findElectronBinary(repoRoot)
  if (!electron.found) throw new Error(`KEYWARD_E2E_ELECTRON=1 but ${electron.reason}`)
  const app = await _electron.launch({
    executablePath: electron.binary,
    args: [repoRoot],
    env: { ...process.env, KEYWARD_VAULT_DIR: vaultDir },
  })
  const page = await app.firstWindow()
  const problems: string[] = []
  watchProblems(page, problems)
  return { page, mode: 'electron', problems: () => [...problems], close: () => app.close() }
}

function chromiumExecutable(): string | undefined {
  const debian = '/usr/bin/chromium'
  return existsSync(debian) ? debian : undefined
}

/** The system clipboard stand-in: a fake at the Clipboard port, readable by the spec. */
export function memoryClipboard(): Clipboard & { text: string } {
  const clip = {
    text: '',
    write: async (content: { text: string }) => void (clip.text = content.text),
    readText: async () => clip.text,
    clear: () => void (clip.text = ''),
  }
  return clip
}

/** The screenshot preference, kept in memory (the app keeps it in preferences.json and applies it to its window). */
function inMemoryScreenshots(): { allowed(): boolean; setAllowed(allow: boolean): void } {
  let allowed = false
  return { allowed: () => allowed, setAllowed: (allow) => void (allowed = allow) }
}

/**
 * The OS keychain stand-in (a fake at the DeviceKeyStore port): reversible, so "unlock with this device" works in
 * the browser harness as it does with the real keychain.
 */
const fakeKeychain = {
  isAvailable: () => true,
  encrypt: (plain: Buffer) => Buffer.from(plain.map((byte) => byte ^ 0xa5)),
  decrypt: (sealed: Buffer) => Buffer.from(sealed.map((byte) => byte ^ 0xa5)),
}

/** No sleep, no screen lock in a test browser: power events never fire. */
const quietPower: PowerEvents = {
  onResume: () => undefined,
  onSuspend: () => undefined,
  onLockScreen: () => undefined,
  systemIdleSeconds: () => 0,
}

export interface LaunchOptions {
  readonly vaultDir: string
  readonly clipboard?: Clipboard
  /** Main's clock (chromium mode): a spec moves it to reach auto-lock without waiting minutes. */
  readonly clock?: Clock
  /** KEYWARD_<ID>_BASE_URL overrides pointing providers at the simulators (chromium mode). */
  readonly providerEnv?: Readonly<Record<string, string>>
  /** The OS file picker's answer (chromium mode): the spec's file, or null as if cancelled. */
  readonly fileDialog?: FileDialog
}

/** The real time plus an offset the spec moves forward. */
export function movableClock(): Clock & { advance(ms: number): void } {
  let offset = 0
  return { now: () => new Date(Date.now() + offset), advance: (ms) => void (offset += ms) }
}

async function launchChromium(vaultDir: string, options: LaunchOptions): Promise<LaunchedApp> {
  const notices: { title: string; body: string; click: () => void }[] = []
  const server = await serveRenderer(path.join(out, 'renderer'))
  const policy = trustOrigins([server.origin])
  const bridge = new PageBridge(policy)
  // The app's own composition, with fakes only at the platform ports (clipboard, power events).
  const desktop = composeDesktopApp({
    vaultDir,
    // This device's record of how far the vault had got, beside the spec's vault (never the user's state folder).
    seenVaults: path.join(path.dirname(vaultDir), 'device-state', 'seen-vaults.json'),
    clock: options.clock ?? systemClock,
    timers: globalThis,
    power: quietPower,
    clipboard: options.clipboard ?? memoryClipboard(),
    screenshots: inMemoryScreenshots(),
    deviceKeys: fakeKeychain,
    notifier: { notify: (notice, onClick) => void notices.push({ ...notice, click: onClick }) },
    focusWindow: () => undefined,
    // Only the simulators' overrides: a spec never reaches a real provider.
    providerHttp: { fetch, env: { ...options.providerEnv } },
    fileDialog: options.fileDialog ?? { chooseEnvFile: async () => null },
    // The OWASP floor (19 MiB, t=2): creating a vault in a spec takes a fraction of a second however busy the machine.
    kdf: { memoryKiB: 19 * 1024, iterations: 2, parallelism: 1 },
    platform: process.platform,
    events: bridge,
    // The agent the CLI asks, as in the app — its folder beside the spec's vault, never the user's runtime folder.
    agent: agentEndpoint({
      platform: process.platform,
      env: { KEYWARD_AGENT_DIR: agentDirFor(vaultDir) },
      homedir: os.homedir(),
    }),
    appInfo: () =>
      describeApp({
        name: 'Keyward',
        version: packageVersion,
        arch: process.arch,
        versions: process.versions,
        machine: {
          platform: process.platform,
          env: { ...process.env, KEYWARD_VAULT_DIR: vaultDir },
          homedir: os.homedir(),
        },
        storage: probeStorageEngine(undefined),
      }),
  })
  registerHandlers(bridge, desktop.handlers, policy)
  await desktop.agent?.started

  const browser = await chromium.launch({
    executablePath: chromiumExecutable(),
    // Without these, Chromium on a closed network keeps dialling Google's hosts.
    args: [
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  })
  const context = await browser.newContext()
  const problems: string[] = []
  const openAt = async (origin: 'app' | 'foreign'): Promise<Page> => {
    const page = await context.newPage()
    watchProblems(page, problems)
    await page.exposeBinding('__keywardCspViolation', (_source, report: string) => void problems.push(`csp: ${report}`))
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        const report = (window as unknown as { __keywardCspViolation: (r: string) => void }).__keywardCspViolation
        report(`${event.effectiveDirective} blocked ${event.blockedURI}`)
      })
    })
    await bridge.attach(page, path.join(out, 'preload', 'index.cjs'))
    // A different host name is a different origin served by the same server: the bridge must refuse it.
    const base = origin === 'app' ? server.origin : `http://localhost:${server.port}`
    await page.goto(`${base}/index.html`)
    return page
  }
  const page = await openAt('app')
  return {
    page,
    mode: 'chromium',
    problems: () => [...problems],
    openAt,
    desktop,
    notices,
    close: async () => {
      await browser.close()
      await server.close()
      await desktop.dispose()
    },
  }
}

/** The agent's folder for a spec's vault: a CLI run by the spec sets KEYWARD_AGENT_DIR to it. */
export function agentDirFor(vaultDir: string): string {
  return path.join(path.dirname(vaultDir), 'agent')
}

/** Starts the app with its vault in `vaultDir`. Every spec starts the app through this. */
export async function launchApp(options: LaunchOptions): Promise<LaunchedApp> {
  return electronRequested() ? launchElectron(options.vaultDir) : launchChromium(options.vaultDir, options)
}
