// Composition root of the desktop app: wiring only.
import { app, protocol, session, shell, type BrowserWindow } from 'electron'
import { existsSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { appMenu } from './core/app/appMenu'
import { composeDesktopApp } from './core/app/desktopApp'
import { describeApp } from './core/app/appInfo'
import { probeStorageEngine } from './core/db/storageEngine'
import { trustOrigins } from './core/ipc/senderPolicy'
import { systemClock } from './core/ports/Clock'
import { APP_ENTRY_URL, APP_ORIGIN, registerAppScheme, serveAppScheme } from './electron/appProtocol'
import { ElectronStorePreferences } from './electron/ElectronStorePreferences'
import { SafeStorageDeviceKeyStore } from './electron/SafeStorageDeviceKeyStore'
import { denyAllPermissions, lockDownAllWebContents } from './electron/hardening'
import { setApplicationMenu } from './electron/applicationMenu'
import { registerIpc, windowEvents } from './electron/ipc'
import { focusWindow, openMainWindow } from './electron/mainWindow'
import { electronNativeBinding } from './electron/nativeDriver'
import { ElectronClipboard } from './electron/ElectronClipboard'
import { ElectronNotifier } from './electron/ElectronNotifier'
import { ElectronFileDialog } from './electron/ElectronFileDialog'
import { electronPowerEvents } from './electron/electronPowerEvents'
import { createTray } from './electron/tray'
import { deviceStateDir, vaultDirFromEnvironment } from './core/paths'
import { startLockedReminders } from './core/reminders/lockedReminders'
import { readHeader } from './core/vault/header'
import { agentEndpoint } from './core/agent/platformPeers'

// electron-vite sets this only under `npm run dev`; a packaged app never trusts it.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL
const mainDir = import.meta.dirname

registerAppScheme(protocol)
lockDownAllWebContents(app, (url) => shell.openExternal(url))

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  let mainWindow: BrowserWindow | undefined
  app.on('second-instance', () => focusWindow(mainWindow))
  app.on('window-all-closed', () => app.quit())

  void app.whenReady().then(() => {
    // Our own menu: no Reload on Ctrl/⌘+R (the window's reveal shortcut), no developer tools in a packaged build.
    setApplicationMenu(appMenu(process.platform, app.isPackaged))
    const policy = trustOrigins(devServerUrl === undefined ? [APP_ORIGIN] : [APP_ORIGIN, devServerUrl])
    serveAppScheme(protocol, path.join(mainDir, '../renderer'))
    denyAllPermissions(session.defaultSession)
    const nativeBinding = electronNativeBinding(app.getAppPath())
    const preferences = new ElectronStorePreferences()
    const notifier = new ElectronNotifier()
    // The one composition the e2e harness runs too; only Electron's transport and adapters are swapped there.
    const desktop = composeDesktopApp({
      vaultDir: vaultDirFromEnvironment({ platform: process.platform, env: process.env, homedir: os.homedir() }),
      seenVaults: path.join(
        deviceStateDir({ platform: process.platform, env: process.env, homedir: os.homedir() }),
        'seen-vaults.json',
      ),
      clock: systemClock,
      timers: globalThis,
      power: electronPowerEvents,
      clipboard: new ElectronClipboard(),
      platform: process.platform,
      events: windowEvents(policy),
      appInfo: () =>
        describeApp({
          name: app.getName(),
          version: app.getVersion(),
          arch: process.arch,
          versions: process.versions,
          machine: { platform: process.platform, env: process.env, homedir: os.homedir() },
          storage: probeStorageEngine(nativeBinding),
        }),
      nativeBinding,
      // Unlock's integrity check, migrations and daily backup run in this worker thread, off the main thread.
      vaultWorker: path.join(mainDir, 'vaultWorker.js'),
      deviceKeys: new SafeStorageDeviceKeyStore(),
      notifier,
      // Node's fetch (undici) in main: provider calls never go through the renderer or its session.
      providerHttp: { fetch: globalThis.fetch, env: process.env },
      fileDialog: new ElectronFileDialog(() => mainWindow),
      // The CLI asks this app instead of unlocking (keyward get, run, env write…); the window asks the person.
      agent: agentEndpoint({ platform: process.platform, env: process.env, homedir: os.homedir() }),
      focusWindow: () => focusWindow(mainWindow),
      screenshots: {
        allowed: () => preferences.allowScreenshots(),
        setAllowed: (allow) => {
          preferences.setAllowScreenshots(allow)
          mainWindow?.setContentProtection(!allow)
        },
      },
    })
    registerIpc(desktop.handlers, policy)
    mainWindow = openMainWindow({
      preloadPath: path.join(mainDir, '../preload/index.cjs'),
      url: devServerUrl ?? APP_ENTRY_URL,
      devTools: devServerUrl !== undefined,
      preferences,
    })
    const open = () => focusWindow(mainWindow)
    const vault = desktop.vault
    mainWindow.on('focus', () => vault.checkForChanges())
    // Quit only once the vault is locked and the clipboard cleared: work in flight ends, the keys are wiped.
    let vaultClosed = false
    app.on('before-quit', (event) => {
      if (vaultClosed) return
      event.preventDefault()
      void desktop.dispose().finally(() => {
        vaultClosed = true
        app.quit()
      })
    })
    const files = vault.files
    const tray = createTray(path.join(app.getAppPath(), 'resources', 'icon.png'), {
      open,
      lock: () => void vault.lock('user'),
      showKey: (id) => desktop.showKey(id),
      showAttention: (due) => desktop.showAttention(due),
      verifyDue: () =>
        void desktop.verifyDue().then(
          (summary) => notifier.notify({ title: 'Keyward', body: summary }, open),
          () => undefined,
        ),
      quit: () => app.quit(),
    })
    // The menu follows the vault: names of due keys while unlocked, the locked count otherwise.
    let lockedDue = 0
    const refreshTray = () => void desktop.trayMenu(lockedDue).then(tray.setMenu, () => undefined)
    vault.onState(refreshTray)
    vault.onChange(refreshTray)
    startLockedReminders({
      clock: systemClock,
      // Counts only while locked: an unlocked vault notifies per key (composeDesktopApp); the tray count stays.
      notifier: {
        notify: (notice, onClick) => (vault.state === 'unlocked' ? undefined : notifier.notify(notice, onClick)),
      },
      power: electronPowerEvents,
      timers: globalThis,
      readDigest: () => (existsSync(files.header) ? readHeader(files).dueDigest : null),
      showCount: (count) => {
        lockedDue = count
        tray.showCount(count)
        refreshTray()
      },
      open: (due) => desktop.showAttention(due),
    })
  })
}
