import type { BrowserWindowConstructorOptions } from 'electron'
import type { WindowBounds } from '../core/ports/Preferences'

export interface MainWindowSettings {
  readonly preloadPath: string
  /** DevTools only while developing (`npm run dev`); never in a build a user runs. */
  readonly devTools: boolean
  readonly bounds: WindowBounds | undefined
}

/**
 * The options of Keyward's one window. Every security-relevant web preference is spelled out, even where it is
 * Electron's default, so that the boot test pins them and an upgrade that changes a default changes nothing here.
 */
export function mainWindowOptions({ preloadPath, devTools, bounds }: MainWindowSettings): BrowserWindowConstructorOptions {
  return {
    width: bounds?.width ?? 1100,
    height: bounds?.height ?? 720,
    ...(bounds?.x !== undefined && bounds.y !== undefined ? { x: bounds.x, y: bounds.y } : {}),
    minWidth: 720,
    minHeight: 480,
    title: 'Keyward',
    show: false,
    backgroundColor: '#101318',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
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
      devTools,
    },
  }
}
