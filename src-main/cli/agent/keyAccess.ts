import { realpathSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { VaultRequest } from '../../core/agent/agentOperations'
import { AgentClient, AgentUnavailable } from '../../core/agent/client'
import { agentPaths, readAgentInfo } from '../../core/agent/endpoint'
import { KeywardError } from '../../core/errors'
import type { Terminal } from '../terminal'

/**
 * How a read command gets at keys: through the agent (the app or `keyward agent start` holds the vault open), or
 * by unlocking the vault itself. Both answer the same requests with the same shapes (agentOperations.ts).
 */
export interface KeyAccess {
  readonly via: 'agent' | 'vault'
  request(request: VaultRequest): Promise<unknown>
  /** Ends the access: the agent connection closes, a vault this process unlocked locks. Safe to call twice. */
  close(): Promise<void>
}

/** The agent is not asked when told not to (`--no-agent`, KEYWARD_AGENT=0) or when a script gave the password. */
export function agentWanted(env: NodeJS.ProcessEnv, noAgent: boolean): boolean {
  return !noAgent && env.KEYWARD_AGENT !== '0' && env.KEYWARD_PASSWORD === undefined
}

const samePath = (a: string, b: string) => {
  const real = (file: string) => {
    try {
      return realpathSync(file)
    } catch {
      return path.resolve(file)
    }
  }
  return real(a) === real(b)
}

/** The agent for this vault, or null when none runs, it serves another vault, or it speaks another version. */
export async function connectAgent(env: NodeJS.ProcessEnv, vaultDir: string): Promise<AgentClient | null> {
  const paths = agentPaths({ platform: process.platform, env, homedir: os.homedir() })
  const info = readAgentInfo(paths)
  if (info === null || !samePath(info.vaultDir, vaultDir)) return null
  return AgentClient.connect(paths)
}

/** Thrown on the fast path when the agent cannot serve and the full CLI must take over (with the password). */
export class UseVault extends Error {
  override readonly name = 'UseVault'
}

/**
 * Requests through the agent. When it cannot serve — it went away, or it is locked with nobody at the terminal to
 * unlock the app — `fallback` answers (the full CLI unlocks by itself). A locked desktop app is asked to show its
 * unlock window and to serve once unlocked when a person is at the terminal to do it.
 */
export function agentAccess(
  client: AgentClient,
  terminal: Terminal,
  fallback: (request: VaultRequest) => Promise<unknown>,
): KeyAccess {
  return {
    via: 'agent',
    async request(request) {
      try {
        return await client.request(request)
      } catch (error) {
        if (error instanceof AgentUnavailable) return fallback(request)
        if (!(error instanceof KeywardError) || error.code !== 'VAULT_LOCKED') throw error
        if (client.host !== 'desktop' || !terminal.interactive) return fallback(request)
        terminal.err(
          'Keyward is locked: unlock it in the app (waiting up to 60 s; Ctrl+C, then --no-agent, to type the ' +
            'password here).',
        )
        return client.request(request, { wait: true })
      }
    },
    close: () => {
      client.close()
      return Promise.resolve()
    },
  }
}
