import type { Approver } from '../ports/Approver'
import type { Clock } from '../ports/Clock'
import type { IntervalTimers } from '../ports/Timers'
import type { UnlockDeps } from '../vault/unlockVault'
import { VaultService } from '../vault/VaultService'
import { serveRequest } from './agentOperations'
import type { AgentEndpointPorts } from './platformPeers'
import { GrantStore } from './grants'
import { AgentServer } from './server'

/** The longest a headless agent may be told to live (`--max`). */
export const MAX_HEADLESS_MS = 24 * 60 * 60_000

export interface HeadlessOptions {
  readonly vaultDir: string
  readonly password: string
  /** Refs whose values may be handed out, as patterns (`*` any run of characters): chosen by whoever started it. */
  readonly allow: readonly string[]
  /** Stops after this long without a request… */
  readonly idleMs: number
  /** …and after this long in any case. */
  readonly maxMs: number
  readonly deps: UnlockDeps
  readonly timers: IntervalTimers
  readonly endpoint: AgentEndpointPorts
}

/** `stripe/*` → a RegExp over the whole ref. */
export function allowPattern(pattern: string): RegExp {
  const body = pattern
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*')
  return new RegExp(`^${body}$`)
}

/**
 * With no window to ask in, the person who started the agent decided at start: key names are listed and searched
 * freely, and values go out only for refs matching one of their --allow patterns (never for others).
 */
export function patternApprover(patterns: readonly string[]): Approver {
  const allowed = patterns.map(allowPattern)
  return {
    asksPerson: false,
    ask: (request) =>
      Promise.resolve(
        request.kind === 'metadata' || request.keys.every((key) => allowed.some((pattern) => pattern.test(key.ref)))
          ? 'once'
          : 'deny',
      ),
  }
}

export interface HeadlessAgent {
  readonly until: Date
  /** Resolves once the agent has stopped (idle, max, `keyward lock`, `keyward agent stop`). */
  readonly stopped: Promise<void>
  stop(): Promise<void>
}

/**
 * `keyward agent start`'s process: unlocks the vault once, serves the agent until idle, max or lock, then locks
 * the vault (which wipes its keys) and removes the endpoint.
 */
export async function startHeadlessAgent(options: HeadlessOptions): Promise<HeadlessAgent> {
  const clock: Clock = options.deps.clock
  const vault = new VaultService({ ...options.deps, dir: options.vaultDir })
  await vault.unlock({ password: options.password })
  const started = clock.now().getTime()
  const until = new Date(started + Math.min(options.maxMs, MAX_HEADLESS_MS))
  let lastRequest = started
  const grants = new GrantStore(clock)
  let stopping: Promise<void> | null = null
  let finished: () => void = () => undefined
  const stopped = new Promise<void>((resolve) => (finished = resolve))
  const stop = () =>
    (stopping ??= (async () => {
      options.timers.clearInterval(ticker)
      grants.clear()
      await server.stop()
      await vault.lock('user')
      finished()
    })())
  const server = new AgentServer({
    paths: options.endpoint.paths,
    info: { host: 'headless', pid: process.pid, vaultDir: options.vaultDir },
    peers: options.endpoint.peers,
    requireUid: options.endpoint.requireUid,
    timers: options.timers,
    serve: (request, peer, serveOptions) => {
      // Asking whether it runs (`agent status`) is not using it: polling that must not keep it alive.
      if (request.op !== 'status') lastRequest = clock.now().getTime()
      return serveRequest(
        {
          vault,
          grants,
          approver: patternApprover(options.allow),
          status: () => ({
            host: 'headless',
            state: vault.state === 'unlocked' ? 'unlocked' : 'locked',
            vaultDir: options.vaultDir,
            pid: process.pid,
            until: until.toISOString(),
          }),
          lock: () => {
            // The answer goes out first; then the agent stops.
            setImmediate(() => void stop())
            return Promise.resolve()
          },
        },
        request,
        peer,
        serveOptions,
      )
    },
  })
  try {
    await server.start()
  } catch (error) {
    await vault.lock('user')
    throw error
  }
  const ticker = options.timers.setInterval(() => {
    const now = clock.now().getTime()
    if (now >= until.getTime() || now - lastRequest >= options.idleMs) void stop()
  }, 1_000)
  return { until, stopped, stop }
}
