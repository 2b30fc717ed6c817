import { KeywardError } from '../errors'
import type { VaultSession } from './VaultSession'

/** Days of warning before an expiry or a rotation, unless the vault or the key says otherwise. */
export const DEFAULT_REMIND_BEFORE_DAYS = 14

/**
 * Vault-wide settings, stored inside the encrypted vault (the app and the CLI share them; nothing about keys leaks
 * to a plain preferences file). Each has a default, a range, and is read back as it was written.
 */
const SETTINGS = {
  /** The default remind-before window, in days (a key's own setting wins). */
  remindBeforeDays: {
    fallback: DEFAULT_REMIND_BEFORE_DAYS,
    min: 0,
    max: 365,
    what: 'The remind-before window is 0–365 days.',
  },
  /** The app locks after this many minutes without activity; 0 = never. */
  autoLockMinutes: { fallback: 5, min: 0, max: 24 * 60, what: 'Auto-lock is 0 (never) to 1440 minutes.' },
  /** Seconds a copied key stays on the clipboard in the app; 0 = until cleared by hand. */
  clipboardClearSeconds: { fallback: 20, min: 0, max: 600, what: 'Clipboard clearing is 0 (never) to 600 seconds.' },
  /** 1 = lock when the computer sleeps, 0 = do not. */
  lockOnSuspend: { fallback: 1, min: 0, max: 1, what: 'Lock on sleep is on (1) or off (0).' },
  /** 1 = lock when the screen locks, 0 = do not. */
  lockOnScreenLock: { fallback: 1, min: 0, max: 1, what: 'Lock on screen lock is on (1) or off (0).' },
  /**
   * 1 while a recovery code the window showed waits for its kit to be confirmed (typed back): Health says so until
   * a new kit is confirmed. The CLI prints its codes and cannot tell; it leaves this alone.
   */
  recoveryKitPending: { fallback: 0, min: 0, max: 1, what: 'The recovery kit is pending (1) or confirmed (0).' },
} as const

export type SettingName = keyof typeof SETTINGS

export function readSetting(session: VaultSession, name: SettingName): number {
  const stored = session.sql('SELECT value FROM settings WHERE name = ?').pluck().get(name) as string | undefined
  return stored === undefined ? SETTINGS[name].fallback : (JSON.parse(stored) as number)
}

export function writeSetting(session: VaultSession, name: SettingName, value: number): void {
  const { min, max, what } = SETTINGS[name]
  if (!Number.isInteger(value) || value < min || value > max) throw new KeywardError('INVALID_INPUT', what)
  session
    .sql(
      'INSERT INTO settings (name, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
    )
    .run(name, JSON.stringify(value), session.clock.now().toISOString())
}

/** The vault-wide default remind-before window, in days (a key's own setting wins). */
export function remindBeforeDefault(session: VaultSession): number {
  return readSetting(session, 'remindBeforeDays')
}

export function setRemindBeforeDefault(session: VaultSession, days: number): void {
  writeSetting(session, 'remindBeforeDays', days)
}
