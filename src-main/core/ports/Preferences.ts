/** Where the window was, so it reopens there. Non-secret UI state only. */
export interface WindowBounds {
  readonly x?: number
  readonly y?: number
  readonly width: number
  readonly height: number
}

/**
 * Non-secret UI preferences (electron-store in the app). Nothing here may ever hold a key, a value, a key name
 * or a provider: the file is plain JSON next to the vault.
 */
export interface Preferences {
  windowBounds(): WindowBounds | undefined
  setWindowBounds(bounds: WindowBounds): void
  /** Whether screenshots and screen sharing may capture the window (off by default: content protection on). */
  allowScreenshots(): boolean
  setAllowScreenshots(allow: boolean): void
}
