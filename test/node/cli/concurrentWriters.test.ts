// Two processes (as the desktop app and the CLI would) writing one vault at the same time lose nothing.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { listKeys } from '../../../src-main/core/keys/keyRepository'
import { unlockWithPassword } from '../../../src-main/core/vault/unlockVault'
import { bundleChildScript } from '../helpers/childScript'
import { newTestVault, PASSWORD, tempDir, testDeps } from '../helpers/testVault'

const temp = tempDir('keyward-concurrent-')
afterAll(() => temp.remove())

function writer(child: string, vaultDir: string, count: number, tag: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const process_ = spawn(process.execPath, [child, vaultDir, 'count', String(count), tag], {
      env: { ...process.env, KEYWARD_PASSWORD: PASSWORD },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    let errors = ''
    process_.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
    process_.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk))
    process_.on('close', (code) =>
      code === 0
        ? resolve(output.split('\n').filter((line) => line.startsWith('committed')).length)
        : reject(new Error(errors)),
    )
  })
}

it('two processes adding and changing keys at once both land every write', async () => {
  const child = await bundleChildScript(path.join(import.meta.dirname, 'writerChild.ts'))
  ;(await newTestVault(temp.dir)).session.lock()
  const vaultDir = path.join(temp.dir, 'vault')
  const [a, b] = await Promise.all([writer(child, vaultDir, 300, 'app'), writer(child, vaultDir, 300, 'cli')])
  expect([a, b]).toEqual([300, 300])
  const session = await unlockWithPassword(vaultDir, PASSWORD, testDeps())
  const refs = listKeys(session).map((key) => key.ref)
  session.lock()
  // Of 300 writes each, every third changes a value instead of adding a key.
  expect(refs.filter((ref) => ref.startsWith('crash/app-'))).toHaveLength(200)
  expect(refs.filter((ref) => ref.startsWith('crash/cli-'))).toHaveLength(200)
}, 120_000)
