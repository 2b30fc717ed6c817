import type { EventName, EventPayloadOf } from '../../../src-preload/contract'

/** Sends a contract event to Keyward's window(s). Electron: `webContents.send`; tests: the page bridge. */
export interface RendererEvents {
  emit<E extends EventName>(event: E, payload: EventPayloadOf<E>): void
}
