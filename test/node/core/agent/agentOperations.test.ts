// What the agent hands out, on a real vault through the one VaultService: values only after approval or a live
// grant, "for this terminal" remembered per key and ended by lock, callers without a terminal asked every time,
// audit rows naming the caller as the system reports it — and agent work never counting as activity.
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { serveRequest, type AgentOperationsDeps } from '../../../../src-main/core/agent/agentOperations'
import { GRANT_IDLE_MS, GrantStore } from '../../../../src-main/core/agent/grants'
import type { Request } from '../../../../src-main/core/agent/protocol'
import { createKey } from '../../../../src-main/core/keys/keyRepository'
import type { Approval, ApprovalRequest } from '../../../../src-main/core/ports/Approver'
import type { PeerInfo } from '../../../../src-main/core/ports/PeerIdentity'
import { auditEvents } from '../../../../src-main/core/vault/audit'
import { VaultService } from '../../../../src-main/core/vault/VaultService'
import { newTestVault, PASSWORD, tempDir, type testDeps } from '../../helpers/testVault'

const peer: PeerInfo = {
  uid: 1000,
  pid: 4242,
  exe: '/usr/bin/node',
  cwd: '/home/dev/shop',
  tty: '/dev/pts/3',
  stdoutTty: true,
  sessionKey: '4000:123456:34819',
  chain: [
    { pid: 4000, exe: '/usr/bin/bash' },
    { pid: 3000, exe: '/usr/bin/tmux' },
  ],
  verified: true,
}
const noTerminal: PeerInfo = { ...peer, tty: null, stdoutTty: false, sessionKey: null }

let temp: ReturnType<typeof tempDir>
let vault: VaultService
let deps: ReturnType<typeof testDeps>
let answers: Approval[]
let asked: ApprovalRequest[]
let ops: AgentOperationsDeps

const serve = (request: Request, from: PeerInfo = peer, quiet = false) =>
  serveRequest(ops, request, from, { wait: false, quiet, signal: new AbortController().signal })
const get = (ref: string, from: PeerInfo = peer) =>
  serve({ op: 'values', selection: { refs: [ref] }, purpose: { kind: 'get' }, variables: false }, from)

beforeEach(async () => {
  temp = tempDir('keyward-agentops-')
  const created = await newTestVault(temp.dir)
  deps = created.deps
  createKey(
    created.session,
    { provider: 'stripe', name: 'prod', envVar: 'STRIPE_SECRET_KEY', environment: 'production' },
    'sk_live_AgentCanary0000001',
  )
  createKey(
    created.session,
    { provider: 'openai', name: 'dev', envVar: 'OPENAI_API_KEY' },
    'sk-proj-AgentDev00000000002',
  )
  created.session.lock()
  vault = new VaultService({ ...deps, dir: path.join(temp.dir, 'vault') })
  await vault.unlock({ password: PASSWORD })
  answers = []
  asked = []
  ops = {
    vault,
    grants: new GrantStore(deps.clock),
    approver: {
      asksPerson: true,
      ask: (request) => {
        asked.push(request)
        return Promise.resolve(answers.shift() ?? 'deny')
      },
    },
    status: () => ({ host: 'desktop', state: 'unlocked', vaultDir: '/v', pid: 1, until: null }),
    lock: () => vault.lock('user'),
  }
  vault.onState((state) => {
    if (state === 'locked') ops.grants.clear()
  })
})
afterEach(async () => {
  await vault.lock('user')
  temp.remove()
})

describe('agent operations', () => {
  it('a quiet request (shell completion) never asks: DENIED until this terminal is allowed, then served', async () => {
    await expect(serve({ op: 'list' }, peer, true)).rejects.toMatchObject({ code: 'DENIED' })
    expect(asked).toEqual([])
    answers.push('terminal')
    await serve({ op: 'list' }, peer)
    const keys = (await serve({ op: 'list' }, peer, true)) as { ref: string }[]
    expect(keys.map((key) => key.ref)).toEqual(['openai/dev', 'stripe/prod'])
    expect(asked).toHaveLength(1)
    // A policy (the headless agent's --allow) is no person: a quiet request is answered by it.
    ops = { ...ops, grants: new GrantStore(deps.clock), approver: { asksPerson: false, ask: async () => 'once' } }
    expect(((await serve({ op: 'list' }, peer, true)) as unknown[]).length).toBe(2)
  })

  it('hands out a value only when allowed; a refusal is DENIED and reveals nothing', async () => {
    answers.push('deny')
    await expect(get('stripe/prod')).rejects.toMatchObject({ code: 'DENIED' })
    answers.push('once')
    expect(await get('stripe/prod')).toEqual([
      { ref: 'stripe/prod', variable: null, value: 'sk_live_AgentCanary0000001' },
    ])
    expect(asked[1]).toMatchObject({
      kind: 'values',
      keys: [{ ref: 'stripe/prod', environment: 'production' }],
      purpose: 'print to the terminal',
      canRemember: true,
    })
  })

  it('"once" asks again next time; "for this terminal" does not, until 10 idle minutes or a lock', async () => {
    answers.push('once', 'terminal')
    await get('stripe/prod')
    await get('stripe/prod')
    expect(asked).toHaveLength(2)
    await get('stripe/prod')
    expect(asked).toHaveLength(2)
    // Another key is asked for on its own.
    answers.push('once')
    await get('openai/dev')
    expect(asked).toHaveLength(3)
    deps.clock.advance(GRANT_IDLE_MS + 1)
    answers.push('once')
    await get('stripe/prod')
    expect(asked).toHaveLength(4)
    answers.push('terminal')
    await get('stripe/prod')
    await serve({ op: 'lock' })
    await vault.unlock({ password: PASSWORD })
    answers.push('once')
    await get('stripe/prod')
    expect(asked).toHaveLength(6)
  })

  it('hands out exactly the keys allowed, not a key added to the selection while the person was asked', async () => {
    ops = {
      ...ops,
      approver: {
        asksPerson: true,
        ask: async () => {
          await vault.run(({ session }) =>
            createKey(
              session,
              { provider: 'stripe', name: 'late', envVar: 'STRIPE_LATE', environment: 'production' },
              'sk_live_LateArrival00000001',
            ),
          )
          return 'once'
        },
      },
    }
    const values = (await serve({
      op: 'values',
      selection: { environment: 'production' },
      purpose: { kind: 'run', command: 'npm' },
      variables: true,
    })) as { ref: string }[]
    expect(values.map((value) => value.ref)).toEqual(['stripe/prod'])
  })

  it('never remembers for a caller without a terminal', async () => {
    answers.push('terminal', 'once')
    await get('stripe/prod', noTerminal)
    await get('stripe/prod', noTerminal)
    expect(asked.map((request) => request.canRemember)).toEqual([false, false])
  })

  it('asks once per terminal before listing names, and never for values with a list grant', async () => {
    answers.push('terminal')
    const listed = (await serve({ op: 'list' })) as { ref: string; state: { kind: string } }[]
    expect(listed.map((key) => key.ref).sort()).toEqual(['openai/dev', 'stripe/prod'])
    expect(JSON.stringify(listed)).not.toContain('AgentCanary')
    await serve({ op: 'search', query: 'stri', limit: 10 })
    expect(asked).toHaveLength(1)
    const events = await vault.run(({ session }) => auditEvents(session, 2))
    expect(events.map((event) => [event.action, event.actor, event.detail.keys])).toEqual([
      ['searched', 'agent: node ← bash (/dev/pts/3, /home/dev/shop)', 1],
      ['listed', 'agent: node ← bash (/dev/pts/3, /home/dev/shop)', 2],
    ])
    await expect(get('stripe/prod')).rejects.toMatchObject({ code: 'DENIED' })
  })

  it('records each value handed out under the caller the system reported, never the value', async () => {
    answers.push('once')
    await serve({
      op: 'values',
      selection: { environment: 'production' },
      purpose: { kind: 'run', command: 'npm' },
      variables: true,
    })
    const events = await vault.run(({ session }) => auditEvents(session, 5))
    const exported = events.find((event) => event.action === 'exported')
    expect(exported?.actor).toBe('agent: node ← bash (/dev/pts/3, /home/dev/shop)')
    expect(exported?.detail).toMatchObject({
      to: 'process',
      command: 'npm',
      variable: 'STRIPE_SECRET_KEY',
      via: 'agent',
    })
    expect(JSON.stringify(events)).not.toContain('AgentCanary')
  })

  it('answers LOCKED while locked, and does not keep the vault from auto-locking', async () => {
    // The vault as the app runs it: auto-lock ticks on timers the test drives (5 minutes idle by default).
    await vault.lock('user')
    const ticks: (() => void)[] = []
    const timers = {
      setInterval: (tick: () => void) => ticks.push(tick),
      clearInterval: () => undefined,
      setTimeout: () => 0,
      clearTimeout: () => undefined,
    }
    const app = new VaultService({ ...deps, dir: path.join(temp.dir, 'vault'), timers })
    await app.unlock({ password: PASSWORD })
    ops = { ...ops, vault: app }
    for (let minute = 1; minute <= 5; minute++) {
      deps.clock.advance(60_000)
      answers.push('once')
      await get('stripe/prod')
      for (const tick of ticks) tick()
    }
    // Five minutes of agent requests, one a minute, and no person: the vault locked at the fifth minute.
    await expect.poll(() => app.state).toBe('locked')
    await expect(get('stripe/prod')).rejects.toMatchObject({ code: 'VAULT_LOCKED' })
  })
})
