import type { Settings } from '../../../src-preload/contract'
import { usagesWithState } from '../dotenv/usages'
import type { Handlers } from '../ipc/handle'
import { editKey, keyHistory, readKeyById, setKeyValue } from '../keys/keyRepository'
import { keyEvents } from '../vault/audit'
import { readSetting, remindBeforeDefault, writeSetting } from '../vault/settings'
import type { VaultSession } from '../vault/VaultSession'
import { autoLockOf, type VaultService } from '../vault/VaultService'
import { providerFor } from '../providers/customProviders'
import { idOf, summarize } from './keySummary'
import { metadataRows } from './metadataView'

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
        const record = readKeyById(session, keyId)
        const provider = providerFor(session, record.provider)?.provider
        return {
          key: summarize(session)(record),
          provider: {
            name: provider?.name ?? record.provider,
            dashboardUrl: provider?.dashboardUrl ?? null,
            ...(provider?.capabilities ?? { verify: 'none', rotate: 'none', revoke: 'none', sync: 'none' }),
          },
          metadata: metadataRows(record.metadata),
          versions: keyHistory(session, keyId).versions.slice(0, 200),
          usages: usagesWithState(session, keyId),
          activity: keyEvents(session, keyId, 50).map((event) => ({
            at: event.at,
            action: event.action,
            actor: event.actor,
          })),
        }
      }),
    'key:edit': ({ id, ...fields }) =>
      vault.run(({ session }) => ({ key: summarize(session)(editKey(session, idOf(id), fields)) })),
    'key:setValue': ({ id, value }) =>
      // Trimmed as a paste in Add is.
      vault.run(({ session }) => ({ key: summarize(session)(setKeyValue(session, idOf(id), value.trim()).key) })),
    'settings:get': () => vault.run(({ session }) => readSettings(session, screenshots)),
    'settings:set': async ({
      autoLockMinutes,
      lockOnSuspend,
      lockOnScreenLock,
      clipboardClearSeconds,
      remindBeforeDays,
      allowScreenshots,
    }) => {
      await vault.run(({ session }) => {
        if (clipboardClearSeconds !== undefined) writeSetting(session, 'clipboardClearSeconds', clipboardClearSeconds)
        if (remindBeforeDays !== undefined) writeSetting(session, 'remindBeforeDays', remindBeforeDays)
      })
      if (autoLockMinutes !== undefined || lockOnSuspend !== undefined || lockOnScreenLock !== undefined) {
        // The service stores auto-lock and applies it at once; only the fields given change.
        const current = await vault.run(({ session }) => autoLockOf(session))
        await vault.saveAutoLock({
          idleMs: autoLockMinutes === undefined ? current.idleMs : autoLockMinutes * 60_000,
          onSuspend: lockOnSuspend ?? current.onSuspend,
          onScreenLock: lockOnScreenLock ?? current.onScreenLock,
        })
      }
      if (allowScreenshots !== undefined) screenshots.setAllowed(allowScreenshots)
      return vault.run(({ session }) => readSettings(session, screenshots))
    },
  }
}
