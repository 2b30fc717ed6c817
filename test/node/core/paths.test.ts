import { describe, expect, it } from 'vitest'
import { appDataDir, defaultVaultDir, vaultDirFromEnvironment } from '../../../src-main/core/paths'

describe('defaultVaultDir', () => {
  it('is under ~/.config on Linux, or $XDG_CONFIG_HOME when it is absolute', () => {
    expect(defaultVaultDir({ platform: 'linux', env: {}, homedir: '/home/ada' })).toBe(
      '/home/ada/.config/Keyward/vault',
    )
    expect(defaultVaultDir({ platform: 'linux', env: { XDG_CONFIG_HOME: '/xdg' }, homedir: '/home/ada' })).toBe(
      '/xdg/Keyward/vault',
    )
    expect(appDataDir({ platform: 'linux', env: { XDG_CONFIG_HOME: 'relative' }, homedir: '/home/ada' })).toBe(
      '/home/ada/.config',
    )
  })

  it('is under Application Support on macOS', () => {
    expect(defaultVaultDir({ platform: 'darwin', env: {}, homedir: '/Users/ada' })).toBe(
      '/Users/ada/Library/Application Support/Keyward/vault',
    )
  })

  it('is under %APPDATA% on Windows', () => {
    expect(
      defaultVaultDir({
        platform: 'win32',
        env: { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' },
        homedir: 'C:\\Users\\ada',
      }),
    ).toBe('C:\\Users\\ada\\AppData\\Roaming\\Keyward\\vault')
  })
})

describe('vaultDirFromEnvironment', () => {
  it('prefers $KEYWARD_VAULT_DIR, made absolute', () => {
    const machine = { platform: 'linux' as const, env: { KEYWARD_VAULT_DIR: '/tmp/v' }, homedir: '/home/ada' }
    expect(vaultDirFromEnvironment(machine)).toBe('/tmp/v')
    expect(vaultDirFromEnvironment({ ...machine, env: { KEYWARD_VAULT_DIR: '' } })).toBe(
      '/home/ada/.config/Keyward/vault',
    )
  })
})
