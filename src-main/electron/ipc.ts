// The main-side IPC helper: the only code that touches ipcMain or sends to a renderer.
import { BrowserWindow, ipcMain } from 'electron'
import type { EventName, EventPayloadOf } from '../../src-preload/contract'
import { registerHandlers, type Handlers } from '../core/ipc/handle'
import type { SenderPolicy } from '../core/ipc/senderPolicy'
import type { RendererEvents } from '../core/ports/RendererEvents'

/** Registers every contract channel on Electron's ipcMain, through the one generic `handle()`. */
export function registerIpc(handlers: Handlers, policy: SenderPolicy): void {
  registerHandlers(ipcMain, handlers, policy)
}

/** Sends contract events to every open Keyward window whose page is one of ours. */
export function windowEvents(policy: SenderPolicy): RendererEvents {
  return {
    emit<E extends EventName>(event: E, payload: EventPayloadOf<E>): void {
      for (const window of BrowserWindow.getAllWindows()) {
        const contents = window.webContents
        if (!contents.isDestroyed() && policy.isTrusted(contents.getURL())) contents.send(event, payload)
      }
    },
  }
}
