// The one Electron stand-in of the test suite (issue 2, item 7): just enough of 'electron' for the built main
// bundle to boot under plain Node, recording what the app asks of Electron so the boot test can check it.
import { EventEmitter } from 'node:events'
import path from 'node:path'

type Listener = (...args: unknown[]) => unknown

export class FakeWebContents extends EventEmitter {
  url = ''
  readonly sent: { channel: string; payload: unknown }[] = []
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler
  }
  getURL(): string {
    return this.url
  }
  isDestroyed(): boolean {
    return false
  }
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload })
  }
}

/** An Electron-style event: `preventDefault()` is recorded. */
export function fakeEvent<T extends object>(fields: T): T & { defaultPrevented: boolean; preventDefault(): void } {
  return {
    ...fields,
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true
    },
  }
}

/** What the app asked of Electron. */
export interface Recorded {
  readonly windows: FakeBrowserWindow[]
  readonly privilegedSchemes: unknown[]
  readonly protocolHandlers: Map<string, (request: Request) => Promise<Response>>
  readonly ipcHandlers: Map<string, Listener>
  readonly ipcListeners: Map<string, Listener>
  readonly openedExternally: string[]
  permissionRequestHandler: Listener | undefined
  permissionCheckHandler: Listener | undefined
  devicePermissionHandler: Listener | undefined
  quitCalls: number
  readonly trays: { tooltip: string }[]
  readonly trayMenus: unknown[]
  /** Application menus set (Menu.setApplicationMenu), as their templates. */
  readonly appMenus: unknown[]
  readonly notifications: { title: string; body: string }[]
  readonly powerListeners: [string, Listener][]
}

export interface FakeBrowserWindow extends EventEmitter {
  readonly options: Record<string, unknown>
  /** How often main brought this window forward (second launch, notification click). */
  readonly focusCount: number
  /** What setContentProtection was last called with (null: never). */
  readonly contentProtection: boolean | null
  readonly webContents: FakeWebContents
}

export interface ElectronStandIn {
  readonly electron: Record<string, unknown> & { app: { getPath(name: string): string } }
  readonly recorded: Recorded
  readonly appEvents: EventEmitter
  readonly state: { singleInstanceLock: boolean }
  fireReady(): void
}

export function createElectronStandIn(options: { userData: string; appPath: string }): ElectronStandIn {
  const appEvents = new EventEmitter()
  const recorded: Recorded = {
    windows: [],
    privilegedSchemes: [],
    protocolHandlers: new Map(),
    ipcHandlers: new Map(),
    ipcListeners: new Map(),
    openedExternally: [],
    permissionRequestHandler: undefined,
    permissionCheckHandler: undefined,
    devicePermissionHandler: undefined,
    quitCalls: 0,
    trays: [],
    trayMenus: [],
    appMenus: [],
    notifications: [],
    powerListeners: [],
  }
  let resolveReady: () => void = () => undefined
  const ready = new Promise<void>((resolve) => (resolveReady = resolve))
  const state = { singleInstanceLock: true }

  class BrowserWindow extends EventEmitter implements FakeBrowserWindow {
    readonly webContents = new FakeWebContents()
    constructor(readonly options: Record<string, unknown>) {
      super()
      recorded.windows.push(this)
      appEvents.emit('web-contents-created', {}, this.webContents)
    }
    static getAllWindows(): FakeBrowserWindow[] {
      return recorded.windows
    }
    loadURL(url: string): Promise<void> {
      this.webContents.url = url
      return Promise.resolve()
    }
    getNormalBounds() {
      return { x: 10, y: 20, width: 900, height: 700 }
    }
    isDestroyed() {
      return false
    }
    isMinimized() {
      return false
    }
    focusCount = 0
    contentProtection: boolean | null = null
    setContentProtection(enabled: boolean) {
      this.contentProtection = enabled
    }
    show() {}
    focus() {
      this.focusCount += 1
    }
    restore() {}
  }

  const app = {
    isPackaged: false,
    getName: () => 'Keyward',
    getVersion: () => '0.1.0',
    getAppPath: () => options.appPath,
    getPath: (name: string) => (name === 'userData' ? options.userData : path.join(options.userData, name)),
    requestSingleInstanceLock: () => state.singleInstanceLock,
    whenReady: () => ready,
    on: (event: string, listener: Listener) => (appEvents.on(event, listener), app),
    quit: () => void (recorded.quitCalls += 1),
  }

  class Tray extends EventEmitter {
    tooltip = ''
    constructor(readonly image: unknown) {
      super()
      recorded.trays.push(this)
    }
    setContextMenu(menu: unknown): void {
      recorded.trayMenus.push(menu)
    }
    setToolTip(text: string): void {
      this.tooltip = text
    }
    setTitle(): void {}
  }

  const electron = {
    app,
    Tray,
    Menu: {
      buildFromTemplate: (template: unknown[]) => ({ template }),
      setApplicationMenu: (menu: unknown) => void recorded.appMenus.push(menu),
    },
    nativeImage: { createFromPath: (file: string) => ({ file, resize: () => ({ file }) }) },
    Notification: Object.assign(
      class extends EventEmitter {
        constructor(readonly options: { title: string; body: string }) {
          super()
        }
        show(): void {
          recorded.notifications.push(this.options)
        }
      },
      { isSupported: () => true },
    ),
    powerMonitor: { on: (event: string, listener: Listener) => void recorded.powerListeners.push([event, listener]) },
    BrowserWindow,
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => void recorded.privilegedSchemes.push(...schemes),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) =>
        void recorded.protocolHandlers.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Listener) => void (recorded.permissionRequestHandler = handler),
        setPermissionCheckHandler: (handler: Listener) => void (recorded.permissionCheckHandler = handler),
        setDevicePermissionHandler: (handler: Listener) => void (recorded.devicePermissionHandler = handler),
      },
    },
    shell: { openExternal: async (url: string) => void recorded.openedExternally.push(url), openPath: async () => '' },
    ipcMain: {
      handle: (channel: string, listener: Listener) => void recorded.ipcHandlers.set(channel, listener),
      on: (channel: string, listener: Listener) => void recorded.ipcListeners.set(channel, listener),
    },
  }

  return { electron, recorded, appEvents, state, fireReady: () => resolveReady() }
}
