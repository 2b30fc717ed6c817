import { BrowserWindow } from 'electron'
import type { Preferences } from '../core/ports/Preferences'
import { mainWindowOptions } from './windowOptions'

export interface MainWindowPlan {
  readonly preloadPath: string
  readonly url: string
  readonly devTools: boolean
  readonly preferences: Preferences
}

/** Opens Keyward's window where it was last closed, shows it once the first paint is ready. */
export function openMainWindow({ preloadPath, url, devTools, preferences }: MainWindowPlan): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions({ preloadPath, devTools, bounds: preferences.windowBounds() }))
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
