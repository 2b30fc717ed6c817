import path from 'node:path'

/** What the path rules need to know about the machine; `process` satisfies it, tests pass their own. */
export interface PathEnvironment {
  readonly platform: NodeJS.Platform
  readonly env: Readonly<Record<string, string | undefined>>
  readonly homedir: string
}

/**
 * The per-user application-data directory, computed as Electron's `app.getPath('appData')` does, so that the CLI
 * (plain Node) and the desktop app agree on where the vault is without asking Electron.
 */
export function appDataDir({ platform, env, homedir }: PathEnvironment): string {
  if (platform === 'win32') return env.APPDATA ?? path.win32.join(homedir, 'AppData', 'Roaming')
  if (platform === 'darwin') return path.posix.join(homedir, 'Library', 'Application Support')
  const xdg = env.XDG_CONFIG_HOME
  return xdg !== undefined && path.isAbsolute(xdg) ? xdg : path.posix.join(homedir, '.config')
}

/** `<OS app-data>/Keyward/vault`: the vault the app and the CLI open unless told otherwise. */
export function defaultVaultDir(machine: PathEnvironment): string {
  const join = machine.platform === 'win32' ? path.win32.join : path.posix.join
  return join(appDataDir(machine), 'Keyward', 'vault')
}

/** The vault in use: `$KEYWARD_VAULT_DIR` when set (scripts, tests), else the default. */
export function vaultDirFromEnvironment(machine: PathEnvironment): string {
  const override = machine.env.KEYWARD_VAULT_DIR
  return override !== undefined && override !== '' ? path.resolve(override) : defaultVaultDir(machine)
}

/**
 * Where this device keeps what it knows about vaults outside them (the newest state of each vault it opened, to
 * notice one put back to an older copy): `$KEYWARD_STATE_DIR`, else the OS's per-user state folder.
 */
export function deviceStateDir(machine: PathEnvironment): string {
  const override = machine.env.KEYWARD_STATE_DIR
  if (override !== undefined && path.isAbsolute(override)) return override
  if (machine.platform === 'win32')
    return path.win32.join(machine.env.LOCALAPPDATA ?? path.win32.join(machine.homedir, 'AppData', 'Local'), 'Keyward')
  if (machine.platform === 'darwin') return path.posix.join(appDataDir(machine), 'Keyward', 'device')
  const xdg = machine.env.XDG_STATE_HOME
  return path.posix.join(
    xdg !== undefined && path.isAbsolute(xdg) ? xdg : path.posix.join(machine.homedir, '.local', 'state'),
    'keyward',
  )
}
