import type { Command } from 'commander'
import { auditActions, auditEvents, recordEvent } from '../../core/vault/audit'
import { KeywardError } from '../../core/errors'
import { parseExpiry } from '../keyOptions'
import { checkIntegrity } from '../../core/db/openDatabase'
import { backupVault, restoreHint } from '../../core/vault/backups'
import { belowDefaultFloor, DEFAULT_FLOOR, type KdfCost } from '../../core/vault/passwordKdf'
import { VaultService } from '../../core/vault/VaultService'
import { refuseExistingVault, requireVault } from '../../core/vault/vaultFiles'
import { changeMasterKey } from '../../core/vault/rekey'
import { announceSettledChange, withVault, type CliContext } from '../context'
import { json, table } from '../render'
import type { Terminal } from '../terminal'
import { wholeNumber } from '../wholeNumber'
import { readNewPassword, readRecoveryCode } from '../secrets'
import { runDoctor } from './doctor'

/** After a password change or a recovery: what no longer works, and the new recovery code (on stdout, once). */
function newKeyMessage(terminal: Terminal, done: string, recoveryCode: string, asJson: boolean): void {
  if (asJson) return json(terminal, { recoveryCode })
  terminal.err(
    `${done}. The vault now has a new key: the old password and the old recovery code open nothing from now on (backups taken before this change still open with what opened them). Unlock with this device, if it was on, must be turned on again in the app.`,
  )
  terminal.err('New recovery code — write it down and keep it apart from this computer; it is shown only this once:')
  terminal.out(recoveryCode)
}

interface KdfFlags {
  readonly kdfMemory?: string
  readonly kdfIterations?: string
  readonly kdfParallelism?: string
  readonly allowWeakPassword?: boolean
}

/** The flag tests use to set short passwords; never for a real vault. */
const WEAK_FLAG = ['--allow-weak-password', 'accept a master password weaker than "Strong" (tests only)'] as const

/** Explicit Argon2id costs from `--kdf-*` (tests, benchmarks), or undefined to calibrate on this machine. */
function explicitKdf(flags: KdfFlags): Partial<KdfCost> | undefined {
  const memory = wholeNumber('--kdf-memory', flags.kdfMemory)
  if (memory === undefined && flags.kdfIterations === undefined && flags.kdfParallelism === undefined) return undefined
  return {
    memoryKiB: memory === undefined ? undefined : memory * 1024,
    iterations: wholeNumber('--kdf-iterations', flags.kdfIterations),
    parallelism: wholeNumber('--kdf-parallelism', flags.kdfParallelism),
  }
}

export function registerVaultCommands(program: Command, context: CliContext): void {
  const { terminal, env } = context

  program
    .command('init')
    .description('create a vault and print its recovery code once')
    .option('--kdf-memory <MiB>', 'Argon2id memory (tests, benchmarks; at least 19)')
    .option('--kdf-iterations <N>', 'Argon2id iterations (at least 2)')
    .option('--kdf-parallelism <P>', 'Argon2id lanes')
    .option(...WEAK_FLAG)
    .option('-j, --json', 'print {vaultDir, recoveryCode, kdf} as JSON')
    .action(async (flags: KdfFlags & { json?: boolean }) => {
      const kdf = explicitKdf(flags)
      const explicit = kdf !== undefined
      refuseExistingVault(context.vaultDir())
      const password = await readNewPassword(terminal, env, flags.allowWeakPassword === true)
      if (!explicit) terminal.err('Calibrating the key derivation to about half a second on this machine…')
      const service = new VaultService({ ...context.deps, dir: context.vaultDir() })
      const recoveryCode = await service.create(password, kdf === undefined ? {} : { kdf })
      const { salt: _salt, ...kdfParams } = await service.run(({ session }) => session.header.kdf)
      await service.lock('command-done')
      if (belowDefaultFloor(kdfParams)) {
        terminal.err(
          `Warning: Argon2id ${kdfParams.memoryKiB / 1024} MiB, t=${kdfParams.iterations} is below the ${DEFAULT_FLOOR.memoryKiB / 1024} MiB/t=${DEFAULT_FLOOR.iterations} floor a real vault is calibrated to. The --kdf-* flags are for tests and benchmarks: raise it with keyward passwd.`,
        )
      }
      if (flags.json === true) return json(terminal, { vaultDir: context.vaultDir(), recoveryCode, kdf: kdfParams })
      terminal.err(`Created a vault in ${context.vaultDir()}.`)
      terminal.err('Recovery code — write it down and keep it apart from this computer; it is shown only this once:')
      terminal.out(recoveryCode)
    })

  program
    .command('passwd')
    .description('change the master password: a new database key and a new recovery code (printed once)')
    .option('--kdf-memory <MiB>', 'Argon2id memory (tests, benchmarks; at least 19)')
    .option('--kdf-iterations <N>', 'Argon2id iterations (at least 2)')
    .option('--kdf-parallelism <P>', 'Argon2id lanes')
    .option(...WEAK_FLAG)
    .option('-j, --json', 'print { recoveryCode } as JSON')
    .action(async (flags: KdfFlags & { json?: boolean }) => {
      const kdf = explicitKdf(flags)
      const code = await withVault(context, async (session) =>
        changeMasterKey(session, await readNewPassword(terminal, env, flags.allowWeakPassword === true), kdf),
      )
      newKeyMessage(terminal, 'Password changed', code, flags.json === true)
    })

  program
    .command('recover')
    .description('set a new master password using the recovery code')
    .option(...WEAK_FLAG)
    .option('-j, --json', 'print { recoveryCode } as JSON')
    .action(async (flags: { allowWeakPassword?: boolean; json?: boolean }) => {
      requireVault(context.vaultDir())
      const code = await readRecoveryCode(terminal, env)
      const service = new VaultService({ ...context.deps, dir: context.vaultDir() })
      await service.unlock({ recoveryCode: code })
      try {
        await announceSettledChange(context, service)
        const password = await readNewPassword(terminal, env, flags.allowWeakPassword === true)
        const newCode = await service.run(({ session }) => changeMasterKey(session, password, undefined, 'recovered'))
        newKeyMessage(terminal, 'New password set', newCode, flags.json === true)
      } finally {
        await service.lock('command-done')
      }
    })

  program
    .command('backup')
    .description('write an encrypted backup now (the newest 10 are kept)')
    .option('-j, --json', 'print the backup as JSON')
    .action(async (flags: { json?: boolean }) => {
      const backup = await withVault(context, (session) => {
        checkIntegrity(session.db, session.files.database, restoreHint(session.files))
        const made = backupVault(session.db, session.files, session.clock.now(), 'manual')
        recordEvent(session, 'backup', {}, { name: made.name })
        return made
      })
      if (flags.json === true) json(terminal, backup)
      else terminal.out(backup.path)
    })

  program
    .command('audit')
    .description("the audit trail, newest first (never a value); each command's unlock and lock hidden unless asked")
    .option('--limit <N>', 'at most N events', '100')
    .option('--action <ACTIONS>', `only these actions, comma-separated (${auditActions.slice(0, 4).join(', ')}, …)`)
    .option('--key <REF>', 'only events of this key')
    .option('--since <DATE>', 'only events on or after this date (YYYY-MM-DD)')
    .option('--unlocks', 'include unlock and lock events')
    .option('-j, --json', 'print a JSON array')
    .action(
      async (flags: {
        limit: string
        action?: string
        key?: string
        since?: string
        unlocks?: boolean
        json?: boolean
      }) => {
        const limit = wholeNumber('--limit', flags.limit) ?? 100
        const actions = flags.action?.split(',').map((action) => action.trim())
        const unknown = actions?.filter((action) => !(auditActions as readonly string[]).includes(action)) ?? []
        if (unknown.length > 0)
          throw new KeywardError(
            'INVALID_INPUT',
            `--action does not know ${unknown.join(', ')}: it takes ${auditActions.join(', ')}.`,
          )
        const since = parseExpiry('--since', flags.since, false) ?? undefined
        const events = await withVault(context, (session) =>
          auditEvents(session, {
            limit,
            actions,
            except: flags.unlocks === true ? undefined : ['unlocked', 'locked'],
            keyRef: flags.key,
            since,
          }),
        )
        if (flags.json === true) return json(terminal, events)
        table(
          terminal,
          ['WHEN', 'ACTION', 'KEY', 'BY'],
          events.map((event) => [event.at, event.action, event.keyRef ?? '', event.actor]),
        )
      },
    )

  program
    .command('doctor')
    .description('check the header, the database integrity and the backups')
    .option('-j, --json', 'print the report as JSON')
    .option('--accept-restore', 'stop listing a vault put back to an older copy (once you have checked it)')
    .action(async (flags: { json?: boolean; acceptRestore?: boolean }) =>
      runDoctor(context, flags.json === true, flags.acceptRestore === true),
    )
}
