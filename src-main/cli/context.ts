import os from 'node:os'
import { KeywardError } from '../core/errors'
import path from 'node:path'
import { deviceStateDir, vaultDirFromEnvironment } from '../core/paths'
import { systemClock } from '../core/ports/Clock'
import type { HttpDeps } from '../core/providers/providerHttp'
import type { UnlockDeps } from '../core/vault/unlockVault'
import { settleNotice } from '../core/vault/changeNotice'
import { rollbackMessage } from '../core/vault/seenVaults'
import { VaultService } from '../core/vault/VaultService'
import { requireVault } from '../core/vault/vaultFiles'
import type { VaultSession } from '../core/vault/VaultSession'
import { performRequest } from '../core/agent/agentOperations'
import { agentAccess, agentWanted, connectAgent, type KeyAccess } from './agent/keyAccess'
import { readPassword } from './secrets'
import type { Terminal } from './terminal'

/** Global flags every command reads. */
export interface GlobalFlags {
  readonly vault?: string
  /** `--no-agent`: commander stores it as agent: false. */
  readonly agent?: boolean
  readonly passwordFd?: string
}

export interface CliContext {
  readonly terminal: Terminal
  readonly env: NodeJS.ProcessEnv
  /** Whether the fast path already found that no agent can serve (then nobody asks it again). */
  readonly agentTried: boolean
  flags(): GlobalFlags
  readonly deps: UnlockDeps
  /** How provider APIs are called (real fetch; base URL overrides from the environment, loopback only). */
  readonly http: HttpDeps
  vaultDir(): string
}

export function cliContext(
  terminal: Terminal,
  env: NodeJS.ProcessEnv,
  flags: () => GlobalFlags,
  agentTried = false,
): CliContext {
  const vaultOption = () => flags().vault
  return {
    terminal,
    env,
    agentTried,
    flags,
    http: { fetch: globalThis.fetch, sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)), env },
    deps: {
      clock: systemClock,
      actor: 'cli',
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      onThrottleWait: (ms) => terminal.err(`Waiting ${Math.ceil(ms / 1000)} s after repeated wrong passwords…`),
      seenVaults: path.join(
        deviceStateDir({ platform: process.platform, env, homedir: os.homedir() }),
        'seen-vaults.json',
      ),
      onLockWait: (who) =>
        terminal.err(
          who === 'opener'
            ? 'Waiting for a password change in another Keyward to finish…'
            : 'Waiting for other Keyward commands to close the vault…',
        ),
    },
    vaultDir: () => {
      const option = vaultOption()
      if (option !== undefined && option.trim() === '')
        throw new KeywardError('INVALID_INPUT', '--vault takes a directory; it was empty.')
      return option ?? vaultDirFromEnvironment({ platform: process.platform, env, homedir: os.homedir() })
    },
  }
}

/**
 * Unlocks the vault for one command through the same VaultService the app uses (its `run` refreshes the due
 * digest after a write and reports damage as VAULT_CORRUPT), and always locks it again.
 */
export async function withVault<T>(context: CliContext, work: (session: VaultSession) => T | Promise<T>): Promise<T> {
  const service = await unlockedService(context)
  try {
    return await service.run(({ session }) => work(session))
  } finally {
    await service.lock('command-done')
  }
}

/** The vault unlocked for this command (the password asked once), the settled-change notice said. */
async function unlockedService(context: CliContext): Promise<VaultService> {
  requireVault(context.vaultDir())
  const password = await readPassword(context.terminal, context.env, context.flags().passwordFd)
  const service = new VaultService({ ...context.deps, dir: context.vaultDir() })
  service.onChange((change) => {
    if (change.kind !== 'rotations-quarantined') return
    context.terminal.err(
      `Warning: ${change.files.length} interrupted rotation record(s) could not be applied and were moved to ${change.files.join(', ')}. Check the affected keys with the provider (keyward doctor lists them).`,
    )
  })
  await service.unlock({ password })
  try {
    await announceSettledChange(context, service)
  } catch (error) {
    await service.lock('command-done')
    throw error
  }
  return service
}

/**
 * The vault opened by this process: unlocked at the first request (the password is the approval), kept open for
 * the command's other requests (`run --env-file F --keys K` asks twice), locked by `close()`.
 */
export function vaultAccess(context: CliContext): KeyAccess {
  let opened: Promise<VaultService> | null = null
  return {
    via: 'vault',
    request: async (request) => {
      opened ??= unlockedService(context)
      return (await opened).run(({ session }) => performRequest(session, request))
    },
    close: async () => {
      const service = await opened?.catch(() => null)
      await service?.lock('command-done')
    },
  }
}

/** Runs a read command over the agent or this process's unlock, and always closes it (a vault is locked again). */
export async function withKeyAccess<T>(context: CliContext, work: (access: KeyAccess) => Promise<T>): Promise<T> {
  const access = await keyAccess(context)
  try {
    return await work(access)
  } finally {
    await access.close()
  }
}

/**
 * The agent when one serves this vault (no password asked), else this process unlocks the vault itself. A locked
 * agent with nobody at the terminal to unlock the app also means unlocking here.
 */
export async function keyAccess(context: CliContext): Promise<KeyAccess> {
  const fallback = vaultAccess(context)
  const flags = context.flags()
  if (context.agentTried || flags.passwordFd !== undefined || !agentWanted(context.env, flags.agent === false))
    return fallback
  const client = await connectAgent(context.env, context.vaultDir())
  if (client === null) return fallback
  const viaAgent = agentAccess(client, context.terminal, (request) => fallback.request(request))
  return {
    ...viaAgent,
    close: async () => {
      await viaAgent.close()
      await fallback.close()
    },
  }
}

/**
 * After an unlock that met an interrupted password change: says what became of it, and shows the new recovery
 * code it owes — only when stderr is a terminal a person reads (never a script's pipe or a log file a redirect
 * writes); otherwise the user is told to run any command on a terminal, and the code stays owed until then.
 */
export async function announceSettledChange(context: CliContext, service: VaultService): Promise<void> {
  const canShow = context.terminal.interactive && process.stderr.isTTY === true
  const { notice, rollback } = await service.run(({ session }) => ({
    notice: settleNotice(session, canShow),
    rollback: session.rollback,
  }))
  if (rollback !== null)
    context.terminal.err(
      `Warning: ${rollbackMessage(rollback)} keyward doctor lists it until you accept it (keyward doctor --accept-restore).`,
    )
  if (notice === null) return
  context.terminal.err(notice.message)
  if (notice.recoveryCode !== null) {
    context.terminal.err(
      'New recovery code — write it down and keep it apart from this computer; the previous one no longer works. It is shown only this once:',
    )
    context.terminal.err(notice.recoveryCode)
  } else if (notice.recoveryCodeDue) {
    context.terminal.err(
      'Run any keyward command on a terminal, or unlock the app, to see your new recovery code: until then no recovery code opens this vault.',
    )
  }
}
