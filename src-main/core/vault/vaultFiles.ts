import path from 'node:path'

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
