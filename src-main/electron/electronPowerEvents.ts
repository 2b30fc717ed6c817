import { powerMonitor } from 'electron'
import type { PowerEvents } from '../core/ports/PowerEvents'

/** The PowerEvents port on Electron's powerMonitor ('lock-screen' is emitted on macOS and Windows). */
export const electronPowerEvents: PowerEvents = {
  onResume: (listener) => void powerMonitor.on('resume', listener),
  onSuspend: (listener) => void powerMonitor.on('suspend', listener),
  onLockScreen: (listener) => void powerMonitor.on('lock-screen', listener),
  systemIdleSeconds: () => powerMonitor.getSystemIdleTime(),
}
