import { channelNames, eventNames, type ChannelName, type EventName, type KeywardApi, type Result } from './contract'

/** The part of Electron's `ipcRenderer` the preload uses; the end-to-end bridge supplies the same shape. */
export interface RendererTransport {
  invoke(channel: string, payload: unknown): Promise<unknown>
  on(channel: string, listener: (event: unknown, payload: unknown) => void): unknown
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): unknown
}

const knownChannels: ReadonlySet<string> = new Set(channelNames)
const knownEvents: ReadonlySet<string> = new Set(eventNames)

function failure(code: 'UNKNOWN_CHANNEL' | 'INTERNAL', message: string): Result<never> {
  return { ok: false, error: { code, message } }
}

/**
 * Builds `window.keyward` over a transport. Only contract channels and events pass; the renderer never sees the
 * transport or Electron's event objects (which would hand it `ipcRenderer` itself).
 */
export function createKeywardApi(transport: RendererTransport): KeywardApi {
  return Object.freeze({
    async invoke(channel: ChannelName, request: unknown) {
      if (!knownChannels.has(channel)) {
        return failure('UNKNOWN_CHANNEL', `There is no channel named "${String(channel)}".`)
      }
      try {
        return (await transport.invoke(channel, request)) as Result<never>
      } catch {
        // Electron rejects only when no handler is registered or the main process went away.
        return failure('INTERNAL', `The main process did not answer ${channel}. Restart Keyward if this persists.`)
      }
    },
    subscribe(event: EventName, listener: (payload: never) => void) {
      if (!knownEvents.has(event)) throw new TypeError(`There is no event named "${String(event)}".`)
      const forward = (_event: unknown, payload: unknown): void => listener(payload as never)
      transport.on(event, forward)
      return () => {
        transport.removeListener(event, forward)
      }
    },
  }) as KeywardApi
}
