import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createElectronStandIn, type ElectronStandIn } from './electronStandIn'

export const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..')
export const mainBundle = path.join(repoRoot, 'out', 'main', 'index.js')

/** A stand-in whose user-data directory is a fresh temp dir, for one test file. */
export function standInForBoot(singleInstanceLock: boolean): ElectronStandIn {
  const standIn = createElectronStandIn({
    userData: mkdtempSync(path.join(tmpdir(), 'keyward-boot-')),
    appPath: repoRoot,
  })
  standIn.state.singleInstanceLock = singleInstanceLock
  return standIn
}

/** Imports the built main bundle (run `npm run build` first) and lets its ready handler run. */
export async function bootMainBundle(standIn: ElectronStandIn): Promise<void> {
  if (!existsSync(mainBundle)) throw new Error(`${mainBundle} is missing: run npm run build before the boot test`)
  await import(/* @vite-ignore */ mainBundle)
  standIn.fireReady()
  await new Promise((resolve) => setTimeout(resolve, 50))
}
