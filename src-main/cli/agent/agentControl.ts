import os from 'node:os'
import { AgentClient, AgentUnavailable } from '../../core/agent/client'
import { agentPaths, endpointAnswers, type AgentPaths } from '../../core/agent/endpoint'
import type { AgentStatus } from '../../core/agent/protocol'
import { json } from '../reportError'
import type { Terminal } from '../terminal'

/** `keyward agent status`, `keyward agent stop` and `keyward lock`: light enough for the CLI's fast path. */

export function pathsFor(env: NodeJS.ProcessEnv): AgentPaths {
  return agentPaths({ platform: process.platform, env, homedir: os.homedir() })
}

function statusOf(answer: unknown): AgentStatus {
  const status = (answer ?? {}) as Partial<AgentStatus>
  return {
    host: status.host === 'desktop' ? 'desktop' : 'headless',
    state: status.state === 'unlocked' ? 'unlocked' : 'locked',
    vaultDir: typeof status.vaultDir === 'string' ? status.vaultDir : '',
    pid: typeof status.pid === 'number' ? status.pid : 0,
    until: typeof status.until === 'string' ? status.until : null,
  }
}

const hostWords = (status: AgentStatus) =>
  status.host === 'desktop' ? 'the desktop app' : `keyward agent start (pid ${status.pid})`

/** The agent that answers, with its status; null when none does. */
async function reach(paths: AgentPaths): Promise<{ client: AgentClient; status: AgentStatus } | null> {
  const client = await AgentClient.connect(paths)
  if (client === null) return null
  try {
    return { client, status: statusOf(await client.request({ op: 'status' })) }
  } catch (error) {
    client.close()
    if (error instanceof AgentUnavailable) return null
    throw error
  }
}

/** Exit 0 when an agent answers, 1 when none does (as `systemctl is-active`). */
export async function agentStatus(terminal: Terminal, env: NodeJS.ProcessEnv, asJson: boolean): Promise<number> {
  const reached = await reach(pathsFor(env))
  if (reached === null) {
    if (asJson) json(terminal, { running: false })
    else terminal.err('No agent is running: keyward commands ask for the master password.')
    return 1
  }
  const { client, status } = reached
  try {
    if (asJson) json(terminal, { running: true, ...status })
    else
      terminal.out(
        `Agent: ${hostWords(status)}, vault ${status.state}\nVault: ${status.vaultDir}` +
          (status.until === null ? '' : `\nStops by: ${status.until}`),
      )
    return 0
  } finally {
    client.close()
  }
}

/** Runs `work` with the agent that answers; says `none` and exits 0 when none does. */
async function withAgent(
  terminal: Terminal,
  env: NodeJS.ProcessEnv,
  none: string,
  work: (client: AgentClient, status: AgentStatus, paths: AgentPaths) => Promise<number>,
): Promise<number> {
  const paths = pathsFor(env)
  const reached = await reach(paths)
  if (reached === null) {
    terminal.err(none)
    return 0
  }
  try {
    return await work(reached.client, reached.status, paths)
  } finally {
    reached.client.close()
  }
}

/** Locks the vault the agent holds: every grant ends; a headless agent also stops. */
export function lockAgent(terminal: Terminal, env: NodeJS.ProcessEnv): Promise<number> {
  const none = 'No agent is running: nothing to lock (a keyward command locks the vault as it ends).'
  return withAgent(terminal, env, none, async (client, status, paths) => {
    await client.request({ op: 'lock' })
    if (status.host === 'headless') await gone(paths)
    terminal.err(
      status.host === 'desktop'
        ? 'Locked the app: every grant ended.'
        : 'Locked: the agent stopped and every grant ended.',
    )
    return 0
  })
}

/** `keyward agent stop`: the headless agent stops; the app's agent lives as long as the app. */
export function stopAgent(terminal: Terminal, env: NodeJS.ProcessEnv): Promise<number> {
  return withAgent(terminal, env, 'No agent is running.', async (client, status, paths) => {
    if (status.host === 'desktop') {
      terminal.err(
        'The desktop app serves the agent while it runs: quit the app to stop it, or keyward lock to lock it.',
      )
      return 2
    }
    await client.request({ op: 'lock' })
    await gone(paths)
    terminal.err('Agent stopped; the vault it held is locked.')
    return 0
  })
}

/** Waits (up to 5 s) until nothing answers on the endpoint, so the next command finds no agent at once. */
async function gone(paths: AgentPaths): Promise<void> {
  for (let waited = 0; waited < 5_000; waited += 25) {
    if ((await endpointAnswers(paths.socket, 200)) === false) return
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}
