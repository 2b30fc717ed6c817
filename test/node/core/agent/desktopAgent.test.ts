// The app's agent (startDesktopAgent, as composeDesktopApp wires it) over a real socket and vault: a client that
// asks to wait brings the window forward and is served once the person unlocks; the prompt goes out as a window
// event and the window's answer decides; a lock refuses what is waiting; and only one host owns the endpoint.
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AgentClient } from '../../../../src-main/core/agent/client'
import { agentEndpoint, type AgentEndpointPorts } from '../../../../src-main/core/agent/platformPeers'
import { AgentServer } from '../../../../src-main/core/agent/server'
import { startDesktopAgent, type DesktopAgent } from '../../../../src-main/core/app/desktopAgent'
import { createKey } from '../../../../src-main/core/keys/keyRepository'
import type { RendererEvents } from '../../../../src-main/core/ports/RendererEvents'
import { VaultService } from '../../../../src-main/core/vault/VaultService'
import { newTestVault, PASSWORD, tempDir } from '../../helpers/testVault'

const VALUE = 'sk_live_DesktopAgentCanary001'
let temp: ReturnType<typeof tempDir>
let vault: VaultService
let endpoint: AgentEndpointPorts
let agent: DesktopAgent
let focused: number
let shown: { event: string; payload: Record<string, unknown> }[]

const get = (client: AgentClient | null, wait = false) =>
  client?.request(
    { op: 'values', selection: { refs: ['stripe/prod'] }, purpose: { kind: 'get' }, variables: false },
    { wait },
  )

async function until(check: () => boolean): Promise<void> {
  for (let waited = 0; !check(); waited += 10) {
    if (waited > 5_000) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

beforeEach(async () => {
  temp = tempDir('keyward-desktop-agent-')
  const created = await newTestVault(temp.dir)
  createKey(created.session, { provider: 'stripe', name: 'prod', envVar: 'STRIPE_SECRET_KEY' }, VALUE)
  created.session.lock()
  vault = new VaultService({ ...created.deps, dir: path.join(temp.dir, 'vault') })
  const dir = path.join(temp.dir, 'run')
  mkdirSync(dir, { mode: 0o700 })
  endpoint = agentEndpoint({ platform: process.platform, env: { KEYWARD_AGENT_DIR: dir }, homedir: temp.dir })
  focused = 0
  shown = []
  const events: RendererEvents = { emit: (event, payload) => void shown.push({ event, payload: { ...payload } }) }
  agent = startDesktopAgent({
    vault,
    endpoint,
    events,
    focusWindow: () => void (focused += 1),
    clock: created.deps.clock,
    timers: globalThis,
  })
  await agent.started
})
afterEach(async () => {
  await agent.stop()
  await vault.lock('quit')
  temp.remove()
})

describe.skipIf(process.platform !== 'linux')('the desktop app as agent host', () => {
  it('answers LOCKED while locked; a client that waits is served after the unlock and the approval', async () => {
    const client = await AgentClient.connect(endpoint.paths)
    await expect(get(client)).rejects.toMatchObject({ code: 'VAULT_LOCKED' })
    const waiting = get(client, true)
    await until(() => focused === 1)
    await vault.unlock({ password: PASSWORD })
    await until(() => shown.some(({ event }) => event === 'agent:approval'))
    const prompt = shown.find(({ event }) => event === 'agent:approval')?.payload ?? {}
    expect(prompt).toMatchObject({ kind: 'values', keys: [{ ref: 'stripe/prod', environment: 'development' }] })
    expect(prompt.chain).toMatch(/^node ← /)
    await agent.handlers['agent:answer']({ id: String(prompt.id), answer: 'once' })
    expect(await waiting).toEqual([{ ref: 'stripe/prod', variable: null, value: VALUE }])
    expect(shown.map(({ event }) => event)).toEqual(['agent:approval', 'agent:approvalEnded'])
    client?.close()
  })

  it('a lock refuses the prompt that was waiting, and closes it in the window', async () => {
    await vault.unlock({ password: PASSWORD })
    const client = await AgentClient.connect(endpoint.paths)
    const asking = get(client)
    await until(() => shown.length === 1)
    await vault.lock('screen-lock')
    await expect(asking).rejects.toMatchObject({ code: 'DENIED' })
    expect(shown.map(({ event }) => event)).toEqual(['agent:approval', 'agent:approvalEnded'])
    client?.close()
  })

  it('only one host owns the endpoint: a second agent is refused, the first keeps serving', async () => {
    const second = new AgentServer({
      paths: endpoint.paths,
      info: { host: 'headless', pid: process.pid, vaultDir: vault.files.dir },
      peers: endpoint.peers,
      requireUid: endpoint.requireUid,
      timers: globalThis,
      serve: () => Promise.resolve('never'),
    })
    await expect(second.start()).rejects.toThrow(/A Keyward agent already runs \(the desktop app/)
    const client = await AgentClient.connect(endpoint.paths)
    expect(await client?.request({ op: 'status' })).toMatchObject({ host: 'desktop', state: 'locked' })
    client?.close()
  })
})
