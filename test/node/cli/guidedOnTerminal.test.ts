// The guided flows on a real terminal (a pseudo-terminal), against the Solo and Mailosaur simulators.
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startMailosaurSimulator, type MailosaurKey } from '../../simulators/mailosaur'
import { startSoloSimulator, type SoloKey } from '../../simulators/solo'
import type { RunningSimulator } from '../../simulators/simulatorServer'
import { initVault, keyward } from '../helpers/cli'
import { keywardOnTerminal } from '../helpers/onTerminal'
import { tempDir } from '../helpers/testVault'

const temp = tempDir('keyward-guided-')
const env: Record<string, string> = {
  KEYWARD_VAULT_DIR: path.join(temp.dir, 'vault'),
  KEYWARD_PASSWORD: 'guided-tests',
}
const simulators: RunningSimulator[] = []
const soloKeys = new Map<string, SoloKey>([
  ['solo_old_key_00000001', { handle: 'ci', scope: ['read'], plan: 'Free', status: 'active', usedToday: 0 }],
  ['solo_new_key_00000002', { handle: 'ci-2', scope: ['read'], plan: 'Free', status: 'active', usedToday: 0 }],
])

beforeAll(async () => {
  const solo = await startSoloSimulator(soloKeys)
  const mailosaur = await startMailosaurSimulator(
    new Map<string, MailosaurKey>([['mlsr_key_000000001', { type: 'standard' }]]),
    [],
  )
  simulators.push(solo, mailosaur)
  Object.assign(env, { KEYWARD_SOLO_BASE_URL: solo.baseUrl, KEYWARD_MAILOSAUR_BASE_URL: mailosaur.baseUrl })
  await initVault(env.KEYWARD_VAULT_DIR ?? '', env.KEYWARD_PASSWORD ?? '')
  await keyward(['add', 'main', '--provider', 'solo', '--value-stdin'], { env, input: 'solo_old_key_00000001' })
  await keyward(['add', 'inbox', '--provider', 'mailosaur', '--value-stdin'], { env, input: 'mlsr_key_000000001' })
})
afterAll(async () => {
  await Promise.all(simulators.map((simulator) => simulator.close()))
  temp.remove()
})

describe('guided workflows on a terminal', () => {
  it('rotate walks a Solo key through the dashboard steps; a mistyped key is refused before anything is stored', async () => {
    const typo = await keywardOnTerminal(['rotate', 'solo/main'], env, [[/Paste the new key/, 'solo_typo_key_0000009']])
    expect(typo.code).toBe(5)
    expect((await keyward(['get', 'solo/main'], { env })).stdout).toBe('solo_old_key_00000001\n')

    const run = await keywardOnTerminal(['rotate', 'solo/main'], env, [
      [/Paste the new key/, 'solo_new_key_00000002'],
      [/Done\?/, 'y'],
    ])
    expect(run.code, run.screen).toBe(0)
    expect(run.screen).toMatch(/1\. Open https:\/\/solomail\.io\/ and create a new key/)
    expect(run.screen).toMatch(/Verified the new key: Solo key is live \(ci-2@solomail\.io, scope read\)/)
    expect(run.screen).toMatch(/Rotation complete/)
    expect(run.screen).not.toContain('solo_new_key_00000002')
    expect((await keyward(['get', 'solo/main'], { env })).stdout).toBe('solo_new_key_00000002\n')
  })

  it('deleting a Mailosaur key for good asks for its name, because it lives on in the dashboard', async () => {
    const wrongName = await keywardOnTerminal(['rm', 'mailosaur/inbox', '--forever'], env, [
      [/Type the key's name/, 'inbx'],
    ])
    // The user's answer, said back (exit 1) — not the "no terminal, pass --yes" usage error (exit 2).
    expect(wrongName.code).toBe(1)
    expect(wrongName.screen).toMatch(/keyward: Not deleted\./)
    const run = await keywardOnTerminal(['rm', 'mailosaur/inbox', '--forever'], env, [[/Type the key's name/, 'inbox']])
    expect(run.code, run.screen).toBe(0)
    expect(run.screen).toMatch(/is not revoked at Mailosaur: it keeps working there after it is deleted here/)
    expect((await keyward(['show', 'mailosaur/inbox'], { env })).code).toBe(4)
  })
})
