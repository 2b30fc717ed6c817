/**
 * What the operating system says about the session (Electron's powerMonitor): sleep and wake, the screen locking,
 * and how long the user has not touched keyboard or mouse. Reminders re-check on resume; the vault locks on
 * suspend and on screen lock.
 */
export interface PowerEvents {
  onResume(listener: () => void): void
  onSuspend(listener: () => void): void
  onLockScreen(listener: () => void): void
  /** Seconds since the last input anywhere on the system. */
  systemIdleSeconds(): number
}
