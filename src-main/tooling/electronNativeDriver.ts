import { rebuild } from '@electron/rebuild'
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { electronNativeBindingFile } from '../core/db/nativeBinding'

const driverPackage = 'better-sqlite3-multiple-ciphers'

/**
 * Builds the SQLCipher driver for Electron's ABI into out/native, leaving node_modules' Node-ABI build (which the
 * CLI and the tests load) untouched: the package is copied to a staging app and rebuilt there by @electron/rebuild.
 * Skipped when the file for this ABI already exists.
 */
export async function ensureElectronNativeDriver(
  root: string,
  electron: { version: string; abi: string },
): Promise<string> {
  const target = electronNativeBindingFile(root, electron.abi, process.platform, process.arch)
  if (existsSync(target)) return target

  const source = path.join(root, 'node_modules', driverPackage)
  const { version } = JSON.parse(readFileSync(path.join(source, 'package.json'), 'utf8')) as { version: string }
  const staging = path.join(root, 'out', 'native-build')
  const stagedPackage = path.join(staging, 'node_modules', driverPackage)
  rmSync(staging, { recursive: true, force: true })
  cpSync(source, stagedPackage, { recursive: true, filter: (file) => !file.startsWith(path.join(source, 'build')) })
  writeFileSync(
    path.join(staging, 'package.json'),
    JSON.stringify({
      name: 'keyward-native-build',
      version: '0.0.0',
      private: true,
      dependencies: { [driverPackage]: version },
    }),
  )

  await rebuild({
    buildPath: staging,
    electronVersion: electron.version,
    arch: process.arch,
    force: true,
    onlyModules: [driverPackage],
  })

  mkdirSync(path.dirname(target), { recursive: true })
  copyFileSync(path.join(stagedPackage, 'build', 'Release', 'better_sqlite3.node'), target)
  rmSync(staging, { recursive: true, force: true })
  return target
}
