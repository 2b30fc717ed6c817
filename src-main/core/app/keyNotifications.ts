import type { Notifier } from '../ports/Notifier'
import type { PowerEvents } from '../ports/PowerEvents'
import type { RendererEvents } from '../ports/RendererEvents'
import type { IntervalTimers } from '../ports/Timers'
import { pendingKeyNotices } from '../reminders/keyReminders'
import type { VaultService } from '../vault/VaultService'

const HOUR_MS = 60 * 60 * 1000

export interface KeyNotificationDeps {
  readonly vault: VaultService
  readonly notifier: Notifier
  readonly timers: IntervalTimers
  readonly power: Pick<PowerEvents, 'onResume'>
  readonly events: RendererEvents
  /** Brings the window forward (a notification was clicked). */
  readonly focusWindow: () => void
}

/**
 * Per-key notifications while the vault is unlocked — at unlock, hourly and on resume — once per state change
 * (core's pendingKeyNotices keeps that record). Clicking one brings the window forward on that key. (While locked,
 * startLockedReminders notifies counts only, from the header digest.)
 */
export function startKeyNotifications(deps: KeyNotificationDeps): () => void {
  const check = () => {
    if (deps.vault.state !== 'unlocked') return
    deps.vault
      .run(({ session }) => pendingKeyNotices(session), { activity: false })
      .then(
        (notices) => {
          for (const notice of notices) {
            deps.notifier.notify({ title: notice.title, body: notice.body }, () => {
              deps.focusWindow()
              deps.events.emit('key:focus', { id: notice.keyId })
            })
          }
        },
        () => undefined, // locked meanwhile: the next unlock checks again
      )
  }
  const stopState = deps.vault.onState((state) => {
    if (state === 'unlocked') check()
  })
  deps.power.onResume(check)
  const hourly = deps.timers.setInterval(check, HOUR_MS)
  return () => {
    stopState()
    deps.timers.clearInterval(hourly)
  }
}
