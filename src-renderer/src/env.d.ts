import type { KeywardApi } from '../../src-preload/contract'

declare global {
  interface Window {
    /** The preload's API: the renderer's only way to reach the main process. */
    readonly keyward: KeywardApi
  }
}
