// The end-to-end bridge: replaces Electron's IPC transport, and nothing else. The page runs the BUILT preload
// (out/preload/index.cjs) with a stand-in `require('electron')` whose ipcRenderer forwards to a Playwright
// binding; main's side is a MainTransport fed to the same registerHandlers()/handle() the app uses, with the
// sender frame's real URL, so the sender and payload checks run exactly as in Electron.
import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import type { EventName, EventPayloadOf, Result } from '../../src-preload/contract'
import type { InvokeEventLike, MainTransport } from '../../src-main/core/ipc/handle'
import type { SenderPolicy } from '../../src-main/core/ipc/senderPolicy'
import type { RendererEvents } from '../../src-main/core/ports/RendererEvents'

type Listener = (event: InvokeEventLike, payload: unknown) => Promise<Result<unknown>>

function preloadInitScript(preloadFile: string): string {
  const preload = readFileSync(preloadFile, 'utf8')
  return `(() => {
  const listeners = new Map()
  const ipcRenderer = {
    invoke: (channel, payload) => window.__keywardIpcInvoke(channel, payload).then((text) => JSON.parse(text)),
    on: (channel, listener) => { (listeners.get(channel) ?? listeners.set(channel, new Set()).get(channel)).add(listener) },
    removeListener: (channel, listener) => { listeners.get(channel)?.delete(listener) },
  }
  Object.defineProperty(window, '__keywardIpcDeliver', {
    value: (channel, payload) => { for (const listener of listeners.get(channel) ?? []) listener({}, payload) },
  })
  const contextBridge = {
    exposeInMainWorld: (key, api) => Object.defineProperty(window, key, { value: api, enumerable: true }),
  }
  const require = (name) => {
    if (name === 'electron') return { contextBridge, ipcRenderer }
    throw new Error('a sandboxed preload cannot require ' + name)
  }
  const module = { exports: {} }
  const exports = module.exports
  ${preload}
})()`
}

export class PageBridge implements MainTransport, RendererEvents {
  private readonly listeners = new Map<string, Listener>()
  private readonly pages = new Set<Page>()

  /** Events go only to pages of a trusted origin, as `windowEvents` does in the app. */
  constructor(private readonly policy: SenderPolicy) {}

  handle(channel: string, listener: Listener): void {
    this.listeners.set(channel, listener)
  }

  /** Installs the built preload and the transport binding in a page, before any of its scripts run. */
  async attach(page: Page, preloadFile: string): Promise<void> {
    this.pages.add(page)
    page.on('close', () => this.pages.delete(page))
    await page.exposeBinding('__keywardIpcInvoke', async ({ frame }, channel: string, payload: unknown) => {
      const listener = this.listeners.get(channel)
      // Electron rejects an invoke on a channel without a handler; the preload turns that into a Result.
      if (listener === undefined) throw new Error(`No handler registered for '${channel}'`)
      // As one JSON string: Playwright's own per-property encoding of a 100-row answer costs ~20 ms, where
      // Electron's structured clone costs well under one; the harness should not add what the app does not have.
      return JSON.stringify(await listener({ senderFrame: { url: frame.url() } }, payload))
    })
    await page.addInitScript({ content: preloadInitScript(preloadFile) })
  }

  emit<E extends EventName>(event: E, payload: EventPayloadOf<E>): void {
    for (const page of this.pages) {
      if (!this.policy.isTrusted(page.url())) continue
      void page
        .evaluate(
          ([name, data]) =>
            (window as unknown as { __keywardIpcDeliver: (n: string, d: unknown) => void }).__keywardIpcDeliver(
              name,
              data,
            ),
          [event, payload] as const,
        )
        .catch(() => undefined)
    }
  }
}
