import { BrowserWindow } from 'electron'
import type { Preferences } from '../core/ports/Preferences'

export interface MainWindowPlan {
  readonly preloadPath: string
  readonly url: string
  /** DevTools only while developing (`npm run dev`); never in a build a user runs. */
  readonly devTools: boolean
  readonly preferences: Preferences
}

/**
 * Opens Keyward's one window where it was last closed and shows it once the first paint is ready. Every
 * security-relevant web preference is spelled out here, as a literal, even where it is Electron's default: the
 * boot test pins them, Electronegativity can read them, and an upgrade that changes a default changes nothing.
 */
export function openMainWindow({ preloadPath, url, devTools, preferences }: MainWindowPlan): BrowserWindow {
  const bounds = preferences.windowBounds()
  const window = new BrowserWindow({
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
      // Middle-click would otherwise try to open links in a new window; the open handler denies it anyway.
      disableBlinkFeatures: 'Auxclick',
      devTools,
    },
  })
  // Keys on screen stay out of screenshots and screen sharing unless the user allows them (Windows 10 2004+ and
  // macOS honour it; Linux has no such protection).
  window.setContentProtection(!preferences.allowScreenshots())
  window.once('ready-to-show', () => window.show())
  window.on('close', () => preferences.setWindowBounds(window.getNormalBounds()))
  void window.loadURL(url)
  return window
}

/** Brings the window back to the front (second launch, notification click). */
export function focusWindow(window: BrowserWindow | undefined): void {
  if (window === undefined || window.isDestroyed()) return
  if (window.isMinimized()) window.restore()
  window.show()
  window.focus()
}
