// Every header writer re-reads vault.json under one lock file, so two processes never undo each other's change.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { DeviceKeyStore } from '../../../../src-main/core/ports/DeviceKeyStore'
import { readHeader } from '../../../../src-main/core/vault/header'
import { unlockWithPassword } from '../../../../src-main/core/vault/unlockVault'
import { vaultFiles } from '../../../../src-main/core/vault/vaultFiles'
import { disableDeviceUnlock, enableDeviceUnlock } from '../../../../src-main/core/vault/vaultSecurity'
import { bundleChildScript } from '../../helpers/childScript'
import { newTestVault, PASSWORD, tempDir, testDeps } from '../../helpers/testVault'

const temp = tempDir('keyward-header-')
let child: string
beforeAll(async () => {
  child = await bundleChildScript(path.join(import.meta.dirname, 'headerChild.ts'))
}, 60_000)
afterAll(() => temp.remove())

function runChild(args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, ...args], {
      env: { ...process.env, KEYWARD_PASSWORD: PASSWORD },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    let err = ''
    proc.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk))
    proc.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk))
    proc.on('close', (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(err))))
  })
}

const xorStore: DeviceKeyStore = {
  isAvailable: () => true,
  encrypt: (plain) => Buffer.from(plain.map((byte) => byte ^ 0x5a)),
  decrypt: (sealed) => Buffer.from(sealed.map((byte) => byte ^ 0x5a)),
}

it('a header change by another process is not undone when this session then writes the header', async () => {
  const { session } = await newTestVault(temp.dir)
  const vaultDir = path.join(temp.dir, 'vault')
  // The CLI, in another process, counts two wrong passwords while the app holds the vault open.
  expect([await runChild([vaultDir, 'wrong']), await runChild([vaultDir, 'wrong'])]).toEqual([
    'WRONG_PASSWORD',
    'WRONG_PASSWORD',
  ])
  // The app, still holding the header it read at unlock (no failures), turns device unlock on and off again.
  expect(session.header.throttle.failures).toBe(0)
  enableDeviceUnlock(session, xorStore)
  disableDeviceUnlock(session)
  session.lock()
  expect(readHeader(vaultFiles(vaultDir)).throttle.failures).toBe(2)
}, 60_000)

it('a password changed by another process (while nothing else holds the vault) stays changed', async () => {
  ;(await newTestVault(path.join(temp.dir, 'passwd'))).session.lock()
  const vaultDir = path.join(temp.dir, 'passwd', 'vault')
  await runChild([vaultDir, 'passwd', 'the new password'])
  const session = await unlockWithPassword(vaultDir, 'the new password', testDeps())
  enableDeviceUnlock(session, xorStore)
  disableDeviceUnlock(session)
  session.lock()
  await expect(unlockWithPassword(vaultDir, PASSWORD, testDeps())).rejects.toMatchObject({ code: 'WRONG_PASSWORD' })
  ;(await unlockWithPassword(vaultDir, 'the new password', testDeps())).lock()
}, 60_000)

it('wrong passwords from processes running at once each count', async () => {
  ;(await newTestVault(path.join(temp.dir, 'throttle'))).session.lock()
  const vaultDir = path.join(temp.dir, 'throttle', 'vault')
  const outcomes = await Promise.all(Array.from({ length: 4 }, () => runChild([vaultDir, 'wrong'])))
  expect(outcomes).toEqual(['WRONG_PASSWORD', 'WRONG_PASSWORD', 'WRONG_PASSWORD', 'WRONG_PASSWORD'])
  expect(readHeader(vaultFiles(vaultDir)).throttle.failures).toBe(4)
  expect(readFileSync(`${vaultFiles(vaultDir).header}`, 'utf8')).not.toContain(PASSWORD)
}, 60_000)
