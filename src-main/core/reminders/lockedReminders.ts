import type { Clock } from '../ports/Clock'
import type { Notifier } from '../ports/Notifier'
import type { PowerEvents } from '../ports/PowerEvents'
import type { Timers } from '../ports/Timers'
import { dueCountFromDigest } from '../keys/reminderState'

const HOUR_MS = 60 * 60 * 1000

export interface LockedReminderDeps {
  readonly clock: Clock
  readonly notifier: Notifier
  readonly power: Pick<PowerEvents, 'onResume'>
  readonly timers: Timers & { setInterval(callback: () => void, ms: number): unknown }
  /** The header's due digest, readable while locked; null when there is no vault (yet). */
  readonly readDigest: () => readonly string[] | null
  /** The tray count. */
  readonly showCount: (count: number) => void
  /** What a click on the notification does: bring the window forward on what is due (how many, as notified). */
  readonly open: (due: number) => void
}

/** "2 keys are due — unlock to see which": counts only, from the header digest. */
export function lockedNotice(count: number): { title: string; body: string } {
  return {
    title: 'Keyward',
    body: `${count} key${count === 1 ? ' is' : 's are'} due for rotation or expiring — unlock to see which.`,
  }
}

/**
 * Reminders while the vault is locked: on start, hourly and on resume from sleep, the due count is read from the
 * header digest; the tray shows it, and a notification is raised when it changes upwards (never the same count
 * twice, never a name or a provider).
 */
export function startLockedReminders(deps: LockedReminderDeps): { evaluate(): number } {
  let notified = 0
  const evaluate = (): number => {
    let digest: readonly string[] | null
    try {
      digest = deps.readDigest()
    } catch {
      digest = null // a damaged header is reported when the user unlocks, not by a background timer
    }
    const count = digest === null ? 0 : dueCountFromDigest(digest, deps.clock.now())
    deps.showCount(count)
    if (count > notified) deps.notifier.notify(lockedNotice(count), () => deps.open(count))
    notified = count
    return count
  }
  evaluate()
  deps.timers.setInterval(evaluate, HOUR_MS)
  deps.power.onResume(evaluate)
  return { evaluate }
}
