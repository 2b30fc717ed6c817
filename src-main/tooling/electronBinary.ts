import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

const executableByPlatform: Partial<Record<NodeJS.Platform, string>> = {
  darwin: 'Electron.app/Contents/MacOS/Electron',
  linux: 'electron',
  freebsd: 'electron',
  openbsd: 'electron',
  win32: 'electron.exe',
}

export type ElectronLookup = { found: true; binary: string } | { found: false; reason: string }

/** Where the electron package keeps (or would keep) its binary; honours ELECTRON_OVERRIDE_DIST_PATH as it does. */
function expectedBinary(electronDir: string): string | null {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
  const pathFile = path.join(electronDir, 'path.txt')
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : executableByPlatform[process.platform]
  if (relative === undefined) return null
  return override !== undefined && override !== ''
    ? path.join(override, relative)
    : path.join(electronDir, 'dist', relative)
}

/**
 * Finds the Electron binary, downloading it once through the electron package's own installer when it is missing
 * (recent electron packages fetch the binary on first use, not at `npm ci`). Never throws: a machine without the
 * binary gets a reason the caller can print in one line.
 */
export function findElectronBinary(root: string): ElectronLookup {
  const electronDir = path.join(root, 'node_modules', 'electron')
  if (!existsSync(electronDir)) return { found: false, reason: 'the electron package is not installed (run npm ci)' }
  const before = expectedBinary(electronDir)
  if (before === null) return { found: false, reason: `Electron has no build for ${process.platform}` }
  if (existsSync(before)) return { found: true, binary: before }
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    return { found: false, reason: `no Electron binary at ELECTRON_OVERRIDE_DIST_PATH (${before})` }
  }
  const download = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
    cwd: electronDir,
    stdio: 'pipe',
    timeout: 10 * 60_000,
  })
  const after = expectedBinary(electronDir)
  if (download.status === 0 && after !== null && existsSync(after)) return { found: true, binary: after }
  return { found: false, reason: 'no Electron binary is installed and it could not be downloaded' }
}

/** The installed electron package's version and the Node ABI its binary reports (`process.versions.modules`). */
export function electronTarget(root: string): { version: string; abi: string } {
  const electronDir = path.join(root, 'node_modules', 'electron')
  const { version } = JSON.parse(readFileSync(path.join(electronDir, 'package.json'), 'utf8')) as { version: string }
  const abi = readFileSync(path.join(electronDir, 'abi_version'), 'utf8').trim()
  return { version, abi }
}
