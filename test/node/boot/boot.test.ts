// Boots the BUILT main bundle (out/main/index.js) under Node with the Electron stand-in and checks what it asked
// of Electron: the window, the scheme, the handlers, the sender and payload checks, the lock-down.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { channelNames } from '../../../src-preload/contract'
import { fakeEvent, type FakeWebContents } from './electronStandIn'
import { bootMainBundle, repoRoot } from './loadMainBundle'

const standIn = await vi.hoisted(async () => (await import('./loadMainBundle')).standInForBoot(true))
vi.mock('electron', () => ({ ...standIn.electron, default: standIn.electron }))

const { recorded } = standIn
const version = (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version
const fromApp = { senderFrame: { url: 'app://keyward/index.html' } }

async function call(channel: string, payload: unknown, event: unknown = fromApp): Promise<unknown> {
  const handler = recorded.ipcHandlers.get(channel)
  if (handler === undefined) throw new Error(`no handler for ${channel}`)
  return handler(event, payload)
}

beforeAll(async () => {
  await bootMainBundle(standIn)
})

describe('the built main process', () => {
  it('creates exactly one window with the locked-down options', () => {
    expect(recorded.windows).toHaveLength(1)
    const options = recorded.windows[0]?.options
    expect(options?.webPreferences).toEqual({
      preload: path.join(repoRoot, 'out', 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: false,
    })
    expect(options).toMatchObject({ show: false, title: 'Keyward' })
  })

  it('loads the renderer from app://, not file://', () => {
    expect(recorded.windows[0]?.webContents.getURL()).toBe('app://keyward/index.html')
  })

  it('registers app:// as a standard, secure scheme that does not bypass CSP and is not CORS-readable', () => {
    expect(recorded.privilegedSchemes).toEqual([
      {
        scheme: 'app',
        privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false, bypassCSP: false },
      },
    ])
  })

  it('serves the built renderer on app:// with the CSP header, and nothing outside it', async () => {
    const serve = recorded.protocolHandlers.get('app')
    if (serve === undefined) throw new Error('app:// has no handler')
    const index = await serve(new Request('app://keyward/index.html'))
    expect(index.status).toBe(200)
    expect(index.headers.get('content-security-policy')).toMatch(/^default-src 'none'; script-src 'self'/)
    expect(await index.text()).toContain('http-equiv="Content-Security-Policy"')
    expect((await serve(new Request('app://keyward/%2e%2e/main/index.js'))).status).toBe(404)
    expect((await serve(new Request('app://elsewhere/index.html'))).status).toBe(404)
  })

  it('has a handler for every contract channel, and only those', () => {
    expect([...recorded.ipcHandlers.keys()].sort()).toEqual([...channelNames].sort())
  })

  it('answers app:info from the app origin with the package version and a loaded storage engine', async () => {
    const result = await call('app:info', {})
    expect(result).toMatchObject({ ok: true, value: { name: 'Keyward', version, storage: { ok: true } } })
  })

  it('refuses a call whose sender frame is not the app origin, with a code', async () => {
    for (const event of [{ senderFrame: { url: 'https://evil.example/' } }, { senderFrame: null }]) {
      expect(await call('app:info', {}, event)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } })
    }
  })

  it('refuses a malformed payload, with a code', async () => {
    expect(await call('app:info', { unexpected: true })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await call('app:ping', 'ping')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  it('sends app:ping events to the app window', async () => {
    const contents = recorded.windows[0]?.webContents as FakeWebContents
    expect(await call('app:ping', {})).toEqual({ ok: true, value: { seq: 1 } })
    expect(contents.sent).toEqual([{ channel: 'app:ping', payload: { seq: 1, sentAt: expect.any(String) } }])
  })

  it('denies navigation and new windows, opening only https links outside', () => {
    const contents = recorded.windows[0]?.webContents as FakeWebContents
    const toSite = fakeEvent({ url: 'https://docs.mailosaur.com/' })
    contents.emit('will-navigate', toSite)
    const toFile = fakeEvent({ url: 'file:///etc/passwd' })
    contents.emit('will-navigate', toFile)
    const webview = fakeEvent({})
    contents.emit('will-attach-webview', webview)

    expect(toSite.defaultPrevented && toFile.defaultPrevented && webview.defaultPrevented).toBe(true)
    expect(contents.windowOpenHandler?.({ url: 'https://elasticemail.com/' })).toEqual({ action: 'deny' })
    expect(contents.windowOpenHandler?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' })
    expect(recorded.openedExternally).toEqual(['https://docs.mailosaur.com/', 'https://elasticemail.com/'])
  })

  it('denies every permission request and check', () => {
    let granted: boolean | undefined
    recorded.permissionRequestHandler?.({}, 'media', (answer: boolean) => (granted = answer))
    expect(granted).toBe(false)
    expect(recorded.permissionCheckHandler?.({}, 'clipboard-read')).toBe(false)
    expect(recorded.devicePermissionHandler?.({})).toBe(false)
  })

  it('takes the single-instance lock and focuses the window on a second launch', () => {
    expect(standIn.appEvents.listenerCount('second-instance')).toBe(1)
    expect(recorded.quitCalls).toBe(0)
    const window = recorded.windows[0]
    const before = window?.focusCount ?? 0
    standIn.appEvents.emit('second-instance')
    expect(window?.focusCount).toBe(before + 1)
  })

  it("replaces Electron's default menu: nothing on Ctrl/⌘+R (the reveal shortcut); reload and devtools only unpackaged, on F5/F12", () => {
    expect(recorded.appMenus).toHaveLength(1)
    const menu = JSON.stringify(recorded.appMenus[0])
    expect(menu).not.toMatch(/CmdOrCtrl\+R|CmdOrCtrl\+Shift\+I|forceReload/)
    // This boot is unpackaged (isPackaged: false): the developer entries are there, on keys the window leaves alone.
    expect(menu).toMatch(/"role":"reload","accelerator":"F5"/)
    expect(menu).toMatch(/"role":"toggleDevTools","accelerator":"F12"/)
  })

  it('shows a tray icon with Open and Quit; locks the vault on suspend and screen lock; re-checks reminders on resume', () => {
    expect(recorded.trays).toHaveLength(1)
    expect(JSON.stringify(recorded.trayMenus[0])).toMatch(/Open Keyward.*Quit Keyward/)
    expect(recorded.trays[0]?.tooltip).toBe('Keyward')
    // The vault's auto-lock, then per-key notifications and locked reminders, each re-checking on resume.
    expect(recorded.powerListeners.map(([event]) => event)).toEqual(['suspend', 'lock-screen', 'resume', 'resume'])
  })

  it('protects the window content from screenshots by default', () => {
    expect(recorded.windows[0]?.contentProtection).toBe(true)
  })

  it('keeps window bounds in the preferences file, and nothing else', () => {
    recorded.windows[0]?.emit('close')
    const file = path.join(standIn.electron.app.getPath('userData'), 'preferences.json')
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ windowBounds: { x: 10, y: 20, width: 900, height: 700 } })
  })
})
