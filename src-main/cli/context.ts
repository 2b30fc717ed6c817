import os from 'node:os'
import { isCorruption } from '../core/db/openDatabase'
import { KeywardError } from '../core/errors'
import { refreshDueDigest } from '../core/reminders/dueDigest'
import { restoreHint } from '../core/vault/backups'
import { remindBeforeDefault } from '../core/vault/settings'
import { vaultDirFromEnvironment } from '../core/paths'
import { systemClock } from '../core/ports/Clock'
import { unlockWithPassword, type UnlockDeps } from '../core/vault/unlockVault'
import type { VaultSession } from '../core/vault/VaultSession'
import { readPassword } from './secrets'
import type { Terminal } from './terminal'

export interface CliContext {
  readonly terminal: Terminal
  readonly env: NodeJS.ProcessEnv
  readonly deps: UnlockDeps
  vaultDir(): string
}

export function cliContext(terminal: Terminal, env: NodeJS.ProcessEnv, vaultOption: () => string | undefined): CliContext {
  return {
    terminal,
    env,
    deps: {
      clock: systemClock,
      actor: 'cli',
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      onThrottleWait: (ms) => terminal.err(`Waiting ${Math.ceil(ms / 1000)} s after repeated wrong passwords…`),
    },
    vaultDir: () => vaultOption() ?? vaultDirFromEnvironment({ platform: process.platform, env, homedir: os.homedir() }),
  }
}

/** Unlocks the vault for one command and always locks it again (closing the database, wiping the keys). */
export async function withVault<T>(context: CliContext, work: (session: VaultSession) => T | Promise<T>): Promise<T> {
  const password = await readPassword(context.terminal, context.env)
  const session = await unlockWithPassword(context.vaultDir(), password, context.deps)
  try {
    const result = await work(session)
    refreshDueDigest(session, remindBeforeDefault(session))
    return result
  } catch (error) {
    // A page that fails SQLCipher's authentication while a command reads it: damage, reported as such.
    if (isCorruption(error)) throw new KeywardError('VAULT_CORRUPT', `${session.files.database} is damaged. ${restoreHint(session.files)}`)
    throw error
  } finally {
    session.lock()
  }
}
