// Composition root of the desktop app: wiring only.
import { app, protocol, session, shell, type BrowserWindow } from 'electron'
import { existsSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createAppHandlers } from './core/app/appHandlers'
import { describeApp } from './core/app/appInfo'
import { probeStorageEngine } from './core/db/storageEngine'
import { trustOrigins } from './core/ipc/senderPolicy'
import { systemClock } from './core/ports/Clock'
import { APP_ENTRY_URL, APP_ORIGIN, registerAppScheme, serveAppScheme } from './electron/appProtocol'
import { ElectronStorePreferences } from './electron/ElectronStorePreferences'
import { denyAllPermissions, lockDownAllWebContents } from './electron/hardening'
import { registerIpc, windowEvents } from './electron/ipc'
import { focusWindow, openMainWindow } from './electron/mainWindow'
import { electronNativeBinding } from './electron/nativeDriver'
import { ElectronNotifier } from './electron/ElectronNotifier'
import { electronPowerEvents } from './electron/electronPowerEvents'
import { createTray } from './electron/tray'
import { vaultDirFromEnvironment } from './core/paths'
import { startLockedReminders } from './core/reminders/lockedReminders'
import { readHeader } from './core/vault/header'
import { VaultService } from './core/vault/VaultService'

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
    const policy = trustOrigins(devServerUrl === undefined ? [APP_ORIGIN] : [APP_ORIGIN, devServerUrl])
    serveAppScheme(protocol, path.join(mainDir, '../renderer'))
    denyAllPermissions(session.defaultSession)
    registerIpc(
      createAppHandlers({
        appInfo: () =>
          describeApp({
            name: app.getName(),
            version: app.getVersion(),
            arch: process.arch,
            versions: process.versions,
            machine: { platform: process.platform, env: process.env, homedir: os.homedir() },
            storage: probeStorageEngine(electronNativeBinding(app.getAppPath())),
          }),
        events: windowEvents(policy),
        clock: systemClock,
      }),
      policy,
    )
    mainWindow = openMainWindow({
      preloadPath: path.join(mainDir, '../preload/index.cjs'),
      url: devServerUrl ?? APP_ENTRY_URL,
      devTools: devServerUrl !== undefined,
      preferences: new ElectronStorePreferences(),
    })
    const open = () => focusWindow(mainWindow)
    // The one vault session of this process: auto-locks on idle, suspend and screen lock; watches for the CLI's
    // writes; prepares a vault at unlock in a worker thread (out/main/vaultWorker.js).
    const vault = new VaultService({
      dir: vaultDirFromEnvironment({ platform: process.platform, env: process.env, homedir: os.homedir() }),
      clock: systemClock,
      actor: 'app',
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      nativeBinding: electronNativeBinding(app.getAppPath()),
      vaultWorker: path.join(mainDir, 'vaultWorker.js'),
      timers: globalThis,
      power: electronPowerEvents,
    })
    mainWindow.on('focus', () => vault.checkForChanges())
    // Quit only once the vault is locked: work in flight ends, the digest is written, the keys are wiped.
    let vaultClosed = false
    app.on('before-quit', (event) => {
      if (vaultClosed) return
      event.preventDefault()
      void vault.dispose().finally(() => {
        vaultClosed = true
        app.quit()
      })
    })
    const files = vault.files
    startLockedReminders({
      clock: systemClock,
      notifier: new ElectronNotifier(),
      power: electronPowerEvents,
      timers: globalThis,
      readDigest: () => (existsSync(files.header) ? readHeader(files).dueDigest : null),
      showCount: createTray(path.join(app.getAppPath(), 'resources', 'icon.png'), { open, quit: () => app.quit() }),
      open,
    })
  })
}
