// The app's vault service sees what the CLI (another process) does to the same vault, at the next poll.
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { listKeys } from '../../../src-main/core/keys/keyRepository'
import type { IntervalTimers } from '../../../src-main/core/ports/Timers'
import { CHANGE_POLL_MS, VaultService, type VaultChange } from '../../../src-main/core/vault/VaultService'
import { keyward } from '../helpers/cli'
import { FAST_KDF, PASSWORD, tempDir, testDeps } from '../helpers/testVault'

const temp = tempDir('keyward-feed-')
const vaultDir = path.join(temp.dir, 'vault')
const polls: (() => void)[] = []
let pollEvery = 0
const timers: IntervalTimers = {
  setTimeout: () => 0,
  clearTimeout: () => undefined,
  setInterval: (callback, ms) => {
    pollEvery = ms
    polls.push(callback)
    return polls.length
  },
  clearInterval: () => undefined,
}
const service = new VaultService({ ...testDeps(), dir: vaultDir, timers })
const changes: VaultChange[] = []
service.onChange((change) => changes.push(change))

beforeAll(async () => {
  await service.create(PASSWORD, { kdf: FAST_KDF })
}, 30_000)
afterAll(async () => {
  await service.lock('quit')
  temp.remove()
})

const cli = (args: string[], input = '') =>
  keyward(['--vault', vaultDir, ...args], { env: { KEYWARD_PASSWORD: PASSWORD }, input })

/** One poll of the change feed, as the 2-second interval (or a window focus) runs it. */
function poll(): VaultChange[] {
  changes.length = 0
  polls.forEach((callback) => callback())
  return [...changes]
}

it('polls every 2 s, and reports each add, edit and delete made by the CLI at the next poll', async () => {
  expect(pollEvery).toBe(CHANGE_POLL_MS)
  expect(CHANGE_POLL_MS).toBeLessThanOrEqual(2000)
  expect(poll()).toEqual([])

  expect(
    (
      await cli(
        ['add', 'from-cli', '--provider', 'solo', '--no-format-check', '--value-stdin'],
        'solo-cli-value-0001\n',
      )
    ).code,
  ).toBe(0)
  expect(poll()).toContainEqual({ kind: 'keys' })
  expect(await service.run(({ session }) => listKeys(session).map((key) => key.ref))).toEqual(['solo/from-cli'])
  expect(poll()).toEqual([])

  expect((await cli(['edit', 'from-cli', '--note', 'edited by the CLI'])).code).toBe(0)
  expect(poll()).toContainEqual({ kind: 'keys' })
  expect(await service.run(({ session }) => listKeys(session)[0]?.notes)).toBe('edited by the CLI')

  expect((await cli(['rm', 'from-cli', '--yes'])).code).toBe(0)
  expect(poll()).toContainEqual({ kind: 'keys' })
  expect(await service.run(({ session }) => listKeys(session))).toEqual([])
}, 60_000)

it('reports a header change made by another process (a new expiry moves the due digest)', async () => {
  poll()
  const add = await cli(
    ['add', 'expiring', '--provider', 'solo', '--no-format-check', '--expires', '2026-12-01', '--value-stdin'],
    'solo-cli-value-0002\n',
  )
  expect(add.code).toBe(0)
  expect(poll()).toEqual(expect.arrayContaining([{ kind: 'header' }, { kind: 'keys' }]))
}, 60_000)
