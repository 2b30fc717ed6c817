// Runs the packaging config's afterPack hook on a file carrying Electron's fuse wire (all fuses on, as a stock
// Electron binary ships) and reads back what a packaged Keyward would ship with.
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const require = createRequire(import.meta.url)
const config = require('../../../electron-builder.cjs') as {
  afterPack: (context: unknown) => Promise<void>
  asar: boolean
}

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
const ENABLED = '1'.charCodeAt(0)
const DISABLED = '0'.charCodeAt(0)
const outDir = mkdtempSync(path.join(tmpdir(), 'keyward-fuses-'))
afterAll(() => rmSync(outDir, { recursive: true, force: true }))

describe('electron-builder config', () => {
  it('turns off RunAsNode, NODE_OPTIONS and --inspect, and turns on asar integrity, in afterPack', async () => {
    const binary = path.join(outDir, 'keyward')
    const stockWire = Buffer.concat([
      Buffer.from('ELF…'),
      Buffer.from(SENTINEL),
      Buffer.from([1, 8]),
      Buffer.from('11111111'),
    ])
    writeFileSync(binary, stockWire)

    await config.afterPack({
      appOutDir: outDir,
      electronPlatformName: 'linux',
      arch: 1,
      packager: { appInfo: { productFilename: 'Keyward' }, executableName: 'keyward' },
    })

    const wire = await getCurrentFuseWire(binary)
    expect(wire[FuseV1Options.RunAsNode]).toBe(DISABLED)
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(DISABLED)
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(DISABLED)
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(ENABLED)
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(ENABLED)
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(ENABLED)
    expect(config.asar).toBe(true)
  })
})
