import type { AppInfo } from '../../../src-preload/contract'
import type { Handlers } from '../ipc/handle'
import type { Clock } from '../ports/Clock'
import type { RendererEvents } from '../ports/RendererEvents'

export interface AppHandlerDeps {
  /** Computed once, on first use: loading the storage engine is not free. */
  readonly appInfo: () => AppInfo
  readonly events: RendererEvents
  readonly clock: Clock
}

/** The main-process handlers of every contract channel. The desktop app and the end-to-end harness both use this. */
export function createAppHandlers(deps: AppHandlerDeps): Pick<Handlers, 'app:info' | 'app:ping'> {
  let info: AppInfo | undefined
  let pings = 0
  return {
    'app:info': async () => (info ??= deps.appInfo()),
    'app:ping': async () => {
      pings += 1
      deps.events.emit('app:ping', { seq: pings, sentAt: deps.clock.now().toISOString() })
      return { seq: pings }
    },
  }
}
