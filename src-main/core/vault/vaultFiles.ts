import { existsSync } from 'node:fs'
import path from 'node:path'
import { KeywardError } from '../errors'

/** The files of a vault directory. */
export function vaultFiles(dir: string) {
  return {
    dir,
    header: path.join(dir, 'vault.json'),
    database: path.join(dir, 'vault.db'),
    backups: path.join(dir, 'backups'),
  } as const
}

export type VaultFiles = ReturnType<typeof vaultFiles>

/** Checked before a password is asked for: no secret is typed for a vault that is not there. */
export function requireVault(dir: string): void {
  if (!existsSync(vaultFiles(dir).header))
    throw new KeywardError('VAULT_NOT_FOUND', `No vault at ${dir}.`, { action: 'create-vault' })
}

/** Checked before a new password is asked for (and again by createVault): a vault is never created over one. */
export function refuseExistingVault(dir: string): void {
  const files = vaultFiles(dir)
  if (existsSync(files.header) || existsSync(files.database))
    throw new KeywardError('VAULT_EXISTS', `A vault already exists in ${dir}. Open it, or choose another directory.`, {
      action: 'choose-another-vault',
    })
}
