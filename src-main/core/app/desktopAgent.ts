import { randomUUID } from 'node:crypto'
import { serveRequest } from '../agent/agentOperations'
import { chainText } from '../agent/caller'
import type { AgentEndpointPorts } from '../agent/platformPeers'
import { GrantStore } from '../agent/grants'
import { AgentServer } from '../agent/server'
import { KeywardError, vaultLocked } from '../errors'
import type { Handlers } from '../ipc/handle'
import { logError } from '../log'
import type { Approval, ApprovalRequest, Approver } from '../ports/Approver'
import type { Clock } from '../ports/Clock'
import type { RendererEvents } from '../ports/RendererEvents'
import type { Timers } from '../ports/Timers'
import type { VaultService } from '../vault/VaultService'

/** How long a request waits for the person (or for an unlock) before it is refused. */
export const APPROVAL_TIMEOUT_MS = 60_000

export interface DesktopAgentDeps {
  readonly vault: VaultService
  readonly endpoint: AgentEndpointPorts
  readonly events: RendererEvents
  readonly focusWindow: () => void
  readonly clock: Clock
  readonly timers: Timers
}

export interface DesktopAgent {
  readonly handlers: Pick<Handlers, 'agent:answer'>
  /** Resolves once listening — or rejects when another agent holds the endpoint (the app then runs without one). */
  readonly started: Promise<void>
  stop(): Promise<void>
}

/**
 * Asks in the window: the prompt comes forward with Deny as the default; no answer in 60 s, the program going
 * away, or the vault locking is a refusal.
 */
class WindowApprover implements Approver {
  readonly asksPerson = true
  private readonly pending = new Map<string, (answer: Approval) => void>()

  constructor(private readonly deps: DesktopAgentDeps) {}

  ask(request: ApprovalRequest, signal: AbortSignal): Promise<Approval> {
    const id = randomUUID()
    const { peer } = request
    return new Promise((resolve) => {
      const finish = (answer: Approval) => {
        if (!this.pending.delete(id)) return
        this.deps.timers.clearTimeout(timer)
        signal.removeEventListener('abort', refuse)
        this.deps.events.emit('agent:approvalEnded', { id })
        resolve(answer)
      }
      const refuse = () => finish('deny')
      const timer = this.deps.timers.setTimeout(refuse, APPROVAL_TIMEOUT_MS)
      signal.addEventListener('abort', refuse, { once: true })
      this.pending.set(id, finish)
      this.deps.events.emit('agent:approval', {
        id,
        kind: request.kind,
        keys: [...request.keys],
        purpose: request.purpose,
        chain: chainText(peer) || 'an unknown program',
        pid: peer.pid,
        tty: peer.tty,
        cwd: peer.cwd,
        stdoutTty: peer.stdoutTty,
        canRemember: request.canRemember,
      })
      this.deps.focusWindow()
    })
  }

  answer(id: string, answer: Approval): void {
    this.pending.get(id)?.(answer)
  }

  refuseAll(): void {
    for (const finish of [...this.pending.values()]) finish('deny')
  }
}

/**
 * The agent, hosted by the desktop app's main process while it runs: it answers LOCKED while the vault is locked
 * (or, for a client that asks to wait, brings the window forward and serves once the person unlocks), asks in the
 * window before handing anything out, and ends every grant and open prompt when the vault locks.
 */
export function startDesktopAgent(deps: DesktopAgentDeps): DesktopAgent {
  const { vault } = deps
  const grants = new GrantStore(deps.clock)
  const approver = new WindowApprover(deps)
  vault.onState((state) => {
    if (state === 'unlocked') return
    grants.clear()
    approver.refuseAll()
  })
  const awaitUnlock = (signal: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      deps.focusWindow()
      const done = (error: Error | null) => {
        stopListening()
        deps.timers.clearTimeout(timer)
        signal.removeEventListener('abort', abort)
        if (error === null) resolve()
        else reject(error)
      }
      const abort = () => done(vaultLocked())
      const stopListening = vault.onState((state) => {
        if (state === 'unlocked') done(null)
      })
      const timer = deps.timers.setTimeout(abort, APPROVAL_TIMEOUT_MS)
      signal.addEventListener('abort', abort, { once: true })
    })
  const server = new AgentServer({
    paths: deps.endpoint.paths,
    info: { host: 'desktop', pid: process.pid, vaultDir: vault.files.dir },
    peers: deps.endpoint.peers,
    requireUid: deps.endpoint.requireUid,
    timers: deps.timers,
    serve: (request, peer, options) =>
      serveRequest(
        {
          vault,
          grants,
          approver,
          awaitUnlock,
          status: () => ({
            host: 'desktop',
            state: vault.state === 'unlocked' ? 'unlocked' : 'locked',
            vaultDir: vault.files.dir,
            pid: process.pid,
            until: null,
          }),
          lock: () => vault.lock('user'),
        },
        request,
        peer,
        options,
      ),
  })
  const started = server.start()
  started.catch((error: unknown) => {
    // Another agent holds the endpoint (keyward agent start): the app runs without one — expected, not a bug.
    if (error instanceof KeywardError) console.warn(`[keyward] no agent in this app: ${error.message}`)
    else logError('agent', error)
  })
  return {
    handlers: {
      'agent:answer': async ({ id, answer }) => {
        approver.answer(id, answer)
        return {}
      },
    },
    started,
    stop: async () => {
      approver.refuseAll()
      grants.clear()
      await started.catch(() => undefined)
      if (server.listening) await server.stop()
    },
  }
}
