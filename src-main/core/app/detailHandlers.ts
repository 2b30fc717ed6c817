import type { Settings } from '../../../src-preload/contract'
import { keyUsages } from '../dotenv/usages'
import type { Handlers } from '../ipc/handle'
import { editKey, keyHistory, readKeyById, setKeyValue } from '../keys/keyRepository'
import { keyEvents } from '../vault/audit'
import { readSetting, remindBeforeDefault, writeSetting } from '../vault/settings'
import type { VaultSession } from '../vault/VaultSession'
import { autoLockOf, type VaultService } from '../vault/VaultService'
import { idOf, summarize } from './keySummary'

export type DetailChannel = 'key:detail' | 'key:edit' | 'key:setValue' | 'settings:get' | 'settings:set'

/** Whether the window may be captured (screenshots, screen sharing): a preference, applied to the window at once. */
export interface ScreenshotPolicy {
  allowed(): boolean
  setAllowed(allow: boolean): void
}

export interface DetailHandlerDeps {
  readonly vault: VaultService
  readonly screenshots: ScreenshotPolicy
}

function readSettings(session: VaultSession, screenshots: ScreenshotPolicy): Settings {
  const autoLock = autoLockOf(session)
  return {
    autoLockMinutes: autoLock.idleMs / 60_000,
    lockOnSuspend: autoLock.onSuspend,
    lockOnScreenLock: autoLock.onScreenLock,
    clipboardClearSeconds: readSetting(session, 'clipboardClearSeconds'),
    remindBeforeDays: remindBeforeDefault(session),
    allowScreenshots: screenshots.allowed(),
  }
}

/** The detail pane, edit and new value, and the settings screen. */
export function createDetailHandlers(deps: DetailHandlerDeps): Pick<Handlers, DetailChannel> {
  const { vault, screenshots } = deps
  return {
    'key:detail': ({ id }) =>
      vault.run(({ session }) => {
        const keyId = idOf(id)
        return {
          key: summarize(session)(readKeyById(session, keyId)),
          versions: keyHistory(session, keyId).versions.slice(0, 200),
          usages: keyUsages(session, keyId).slice(0, 500),
          activity: keyEvents(session, keyId, 50).map((event) => ({ at: event.at, action: event.action, actor: event.actor })),
        }
      }),
    'key:edit': ({ id, ...fields }) => vault.run(({ session }) => ({ key: summarize(session)(editKey(session, idOf(id), fields)) })),
    'key:setValue': ({ id, value }) => vault.run(({ session }) => ({ key: summarize(session)(setKeyValue(session, idOf(id), value).key) })),
    'settings:get': () => vault.run(({ session }) => readSettings(session, screenshots)),
    'settings:set': async (changes) => {
      const settings = await vault.run(({ session }) => {
        session.db.transaction(() => {
          if (changes.autoLockMinutes !== undefined) writeSetting(session, 'autoLockMinutes', changes.autoLockMinutes)
          if (changes.lockOnSuspend !== undefined) writeSetting(session, 'lockOnSuspend', changes.lockOnSuspend ? 1 : 0)
          if (changes.lockOnScreenLock !== undefined) writeSetting(session, 'lockOnScreenLock', changes.lockOnScreenLock ? 1 : 0)
          if (changes.clipboardClearSeconds !== undefined) writeSetting(session, 'clipboardClearSeconds', changes.clipboardClearSeconds)
          if (changes.remindBeforeDays !== undefined) writeSetting(session, 'remindBeforeDays', changes.remindBeforeDays)
        })()
        if (changes.allowScreenshots !== undefined) screenshots.setAllowed(changes.allowScreenshots)
        return readSettings(session, screenshots)
      })
      vault.setAutoLock({ idleMs: settings.autoLockMinutes * 60_000, onSuspend: settings.lockOnSuspend, onScreenLock: settings.lockOnScreenLock })
      return settings
    },
  }
}
