import { existsSync } from 'node:fs'
import { electronNativeBindingFile } from '../core/db/nativeBinding'

/**
 * The SQLCipher driver built for this Electron's ABI by `npm start`, when it exists. A packaged app has the driver
 * rebuilt in place by electron-builder, so `undefined` (the default binding) is right there.
 */
export function electronNativeBinding(appRoot: string): string | undefined {
  const file = electronNativeBindingFile(appRoot, process.versions.modules, process.platform, process.arch)
  return existsSync(file) ? file : undefined
}
