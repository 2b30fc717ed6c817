import type { AppInfo } from '../../../src-preload/contract'
import { defaultVaultDir, vaultDirFromEnvironment, type PathEnvironment } from '../paths'

export interface AppFacts {
  readonly name: string
  readonly version: string
  readonly arch: string
  readonly versions: Readonly<Partial<Record<'electron' | 'node' | 'chrome', string>>>
  readonly machine: PathEnvironment
  readonly storage: AppInfo['storage']
}

/** The `app:info` answer, from facts the composition root gathers (Electron's app object, or plain Node in tests). */
export function describeApp(facts: AppFacts): AppInfo {
  return {
    name: facts.name,
    version: facts.version,
    platform: facts.machine.platform,
    arch: facts.arch,
    runtime: {
      electron: facts.versions.electron ?? null,
      node: facts.versions.node ?? 'unknown',
      chrome: facts.versions.chrome ?? null,
    },
    defaultVaultDir: defaultVaultDir(facts.machine),
    vaultDir: vaultDirFromEnvironment(facts.machine),
    storage: facts.storage,
  }
}
