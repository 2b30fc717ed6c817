import path from 'node:path'

/** Where `npm start` puts the Electron-ABI build of the SQLCipher driver, beside the Node-ABI one in node_modules. */
export const nativeBuildDir = path.join('out', 'native')

/**
 * The file name of the driver built for one Electron ABI. Tests and the CLI load the Node-ABI build from
 * node_modules; the desktop app passes this file as better-sqlite3's `nativeBinding` when it exists.
 */
export function electronNativeBindingFile(appRoot: string, abi: string, platform: string, arch: string): string {
  return path.join(appRoot, nativeBuildDir, `better_sqlite3-electron-abi${abi}-${platform}-${arch}.node`)
}
