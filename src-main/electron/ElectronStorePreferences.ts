import Store from 'electron-store'
import type { Preferences, WindowBounds } from '../core/ports/Preferences'

interface PreferenceFile {
  windowBounds?: WindowBounds
  allowScreenshots?: boolean
}

function isBounds(value: unknown): value is WindowBounds {
  if (typeof value !== 'object' || value === null) return false
  const { width, height } = value as Record<string, unknown>
  return Number.isInteger(width) && Number.isInteger(height)
}

/** The Preferences port on electron-store: a small JSON file in the app's user-data directory. */
export class ElectronStorePreferences implements Preferences {
  private readonly store = new Store<PreferenceFile>({ name: 'preferences', clearInvalidConfig: true })

  windowBounds(): WindowBounds | undefined {
    const bounds: unknown = this.store.get('windowBounds')
    return isBounds(bounds) ? bounds : undefined
  }

  setWindowBounds(bounds: WindowBounds): void {
    this.store.set('windowBounds', bounds)
  }

  allowScreenshots(): boolean {
    return this.store.get('allowScreenshots') === true
  }

  setAllowScreenshots(allow: boolean): void {
    this.store.set('allowScreenshots', allow)
  }
}
