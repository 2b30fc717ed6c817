// @ts-check
// Packaging (electron-builder). Fuses are flipped in afterPack with @electron/fuses: electron-builder 25 has no
// `electronFuses` option, and 26 cannot be installed on Node 20 (its @electron/rebuild needs Node 22).
const path = require('node:path')
const { flipFuses, FuseVersion, FuseV1Options } = require('@electron/fuses')

/**
 * Every packaged build ships with these fuses. Off: running the binary as plain Node (ELECTRON_RUN_AS_NODE),
 * NODE_OPTIONS, and --inspect flags — each would let anyone who can start the app run arbitrary code inside it.
 * On: cookie encryption, asar integrity, and loading the app only from the (integrity-checked) asar.
 */
const fuses = {
  version: FuseVersion.V1,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
}

/** @param {import('app-builder-lib').AfterPackContext} context */
function electronBinary(context) {
  const name = context.packager.appInfo.productFilename
  switch (context.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(context.appOutDir, `${name}.app`)
    case 'win32':
      return path.join(context.appOutDir, `${name}.exe`)
    default:
      return path.join(context.appOutDir, context.packager.executableName)
  }
}

/** @type {import('app-builder-lib').Configuration} */
module.exports = {
  appId: 'dev.keyward.desktop',
  productName: 'Keyward',
  directories: { output: 'dist', buildResources: 'resources' },
  files: ['out/main/**', 'out/preload/**', 'out/renderer/**', 'resources/icon.png', 'package.json'],
  asar: true,
  asarUnpack: ['**/*.node'],
  // electron-builder rebuilds the SQLCipher driver for Electron's ABI inside the package.
  npmRebuild: true,
  afterPack: async (context) => {
    const isMac = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas'
    await flipFuses(electronBinary(context), { ...fuses, resetAdHocDarwinSignature: isMac })
  },
  linux: { target: ['AppImage', 'deb'], category: 'Development', icon: 'icon.png' },
  mac: { target: 'dmg', category: 'public.app-category.developer-tools', hardenedRuntime: true },
  win: { target: 'nsis' },
}
