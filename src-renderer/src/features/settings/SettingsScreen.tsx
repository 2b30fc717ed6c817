import { useState } from 'react'
import type { Settings } from '../../../../src-preload/contract'
import { errorInfo } from '../../lib/errors'
import { command } from '../../store/commands'
import { useKeywardStore } from '../../store'
import { useRead } from '../../store/useRead'
import { CustomProviders } from './CustomProviders'
import { ShortcutTable } from '../shell/ShortcutTable'
import { applyTheme, savedTheme, type Theme } from './theme'

/** A new recovery code (1Password's "new Emergency Kit"): asked twice, since the current code stops working. */
function NewRecoveryCode() {
  const newRecoveryKit = useKeywardStore((state) => state.newRecoveryKit)
  const [asked, setAsked] = useState(false)
  const [error, setError] = useState<string | null>(null)
  if (!asked)
    return (
      <button type="button" onClick={() => setAsked(true)}>
        New recovery code…
      </button>
    )
  return (
    <div role="group" aria-label="New recovery code">
      <p>The current recovery code stops working at once; the new one is shown as a kit to write down.</p>
      <button type="button" onClick={() => setAsked(false)}>
        Cancel
      </button>{' '}
      <button
        type="button"
        className="primary"
        autoFocus
        onClick={() => newRecoveryKit().catch((caught: unknown) => setError(errorInfo(caught).message))}
      >
        Issue a new code
      </button>
      {error === null ? null : (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}

/**
 * Settings: auto-lock, clipboard, reminders, screenshots (kept in the vault or as a preference), a new recovery code,
 * and the theme.
 */
export function SettingsScreen() {
  const device = useKeywardStore((state) => state.device)
  const deviceAvailable = useKeywardStore((state) => state.deviceAvailable)
  const vaultDir = useKeywardStore((state) => state.vaultDir)
  const loadStatus = useKeywardStore((state) => state.loadStatus)
  const { data: settings, error } = useRead('settings:get', {})
  const [theme, setTheme] = useState<Theme>(savedTheme)
  const [saved, setMessage] = useState<string | null>(null)
  const message = saved ?? error?.message ?? null

  async function change(next: Partial<Settings>) {
    try {
      await command('settings:set', next)
      setMessage('Saved.')
    } catch (error) {
      setMessage(errorInfo(error).message)
    }
  }

  const number = (
    field: keyof Settings,
    label: string,
    unit: string,
    min: number,
    max: number,
    presets: { readonly name: string; readonly choices: readonly (readonly [number, string])[] } = {
      name: '',
      choices: [],
    },
  ) => (
    <div className="setting">
      <label htmlFor={`setting-${field}`}>{label}</label>
      {presets.choices.length === 0 ? null : (
        // The usual choices one click away (1Password's and Bitwarden's lists); any other number in the field.
        <div className="presets" role="group" aria-label={presets.name}>
          {presets.choices.map(([value, text]) => (
            <button
              key={value}
              type="button"
              className="small"
              aria-pressed={settings?.[field] === value}
              onClick={() => void change({ [field]: value })}
            >
              {text}
            </button>
          ))}
        </div>
      )}
      <input
        key={String(settings?.[field] ?? '')}
        id={`setting-${field}`}
        type="number"
        min={min}
        max={max}
        defaultValue={String(settings?.[field] ?? '')}
        onBlur={(event) => {
          const value = Number(event.target.value)
          if (Number.isInteger(value) && value >= min && value <= max) void change({ [field]: value })
          else setMessage(`${label}: a whole number from ${min} to ${max}.`)
        }}
      />
      <span className="muted">{unit}</span>
    </div>
  )

  const toggle = (field: 'lockOnSuspend' | 'lockOnScreenLock' | 'allowScreenshots', label: string) => (
    <label className="check">
      <input
        type="checkbox"
        checked={settings?.[field] ?? false}
        onChange={(event) => void change({ [field]: event.target.checked })}
      />{' '}
      {label}
    </label>
  )

  return (
    <section className="card narrow" aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      {settings === null ? (
        <p className="muted">{message ?? 'Loading…'}</p>
      ) : (
        <>
          <h2>Locking</h2>
          {number('autoLockMinutes', 'Auto-lock after', 'minutes without activity (0 = never)', 0, 1440, {
            name: 'Usual auto-lock times',
            choices: [
              [1, '1 min'],
              [5, '5 min'],
              [15, '15 min'],
              [60, '1 hour'],
              [0, 'Never'],
            ],
          })}
          {toggle('lockOnSuspend', 'Lock when the computer sleeps')}
          {toggle('lockOnScreenLock', 'Lock when the screen locks')}
          <h2>Clipboard</h2>
          {number('clipboardClearSeconds', 'Clear a copied key after', 'seconds (0 = never)', 0, 600, {
            name: 'Usual clipboard times',
            choices: [
              [10, '10 s'],
              [20, '20 s'],
              [45, '45 s'],
              [0, 'Never'],
            ],
          })}
          <h2>Reminders</h2>
          {number('remindBeforeDays', 'Remind before expiry or rotation', 'days (a key’s own setting wins)', 0, 365)}
          <h2>Privacy</h2>
          {toggle('allowScreenshots', 'Allow screenshots and screen sharing of this window')}
          <h2>Vault</h2>
          <p>
            <span className="muted">Location: </span>
            <code>{vaultDir}</code>
          </p>
          {deviceAvailable ? (
            <label className="check">
              <input
                type="checkbox"
                checked={device !== 'off'}
                onChange={(event) => {
                  const enable = event.target.checked
                  command('vault:device', { enable }).then(
                    () => {
                      setMessage(enable ? 'Device unlock is on.' : 'Device unlock is off.')
                      void loadStatus()
                    },
                    (error: unknown) => setMessage(errorInfo(error).message),
                  )
                }}
              />{' '}
              Unlock with this device (the password is still asked every 14 days)
            </label>
          ) : null}
          <NewRecoveryCode />
        </>
      )}
      <h2>Appearance</h2>
      <label htmlFor="setting-theme">Theme</label>
      <select
        id="setting-theme"
        value={theme}
        onChange={(event) => {
          const next = event.target.value as Theme
          setTheme(next)
          applyTheme(next)
        }}
      >
        <option value="system">Follow the system</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
      <p className="muted" role="status">
        {settings === null ? '' : message}
      </p>
      <CustomProviders />
      <h2>Keyboard shortcuts</h2>
      <ShortcutTable headingLevel="h3" />
    </section>
  )
}
