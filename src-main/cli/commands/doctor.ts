import { existsSync, statSync } from 'node:fs'
import { schemaVersion, latestVersion } from '../../core/db/migrate'
import { checkIntegrity } from '../../core/db/openDatabase'
import { KeywardError } from '../../core/errors'
import { countKeys } from '../../core/keys/keyStore'
import { recentDotenvFiles } from '../../core/dotenv/usageStore'
import { removeStaleTemps } from '../../core/fs/atomicWrite'
import { listBackups, restoreHint } from '../../core/vault/backups'
import { quarantinedRotations } from '../../core/providers/pendingRotations'
import { readHeader } from '../../core/vault/header'
import { belowDefaultFloor, DEFAULT_FLOOR } from '../../core/vault/passwordKdf'
import { acceptRollback, pendingRollback, rollbackMessage } from '../../core/vault/seenVaults'
import { vaultFiles } from '../../core/vault/vaultFiles'
import { withVault, type CliContext } from '../context'
import { EXIT } from '../exitCodes'
import { json } from '../render'

interface Check {
  readonly check: string
  readonly ok: boolean
  readonly detail: string
}

function permissionChecks(paths: readonly [string, number][]): Check[] {
  if (process.platform === 'win32') return []
  return paths
    .filter(([file]) => existsSync(file))
    .map(([file, expected]) => {
      const mode = statSync(file).mode & 0o777
      const tooOpen = (mode & 0o077) !== 0
      return {
        check: `permissions ${file}`,
        ok: !tooOpen,
        detail: `${mode.toString(8)}${tooOpen ? ` (others can read it: chmod ${expected.toString(8)})` : ''}`,
      }
    })
}

async function collectChecks(context: CliContext, acceptRestore: boolean): Promise<Check[]> {
  const files = vaultFiles(context.vaultDir())
  const checks: Check[] = []
  const header = readHeader(files)
  const { memoryKiB, iterations, parallelism } = header.kdf
  const weak = belowDefaultFloor(header.kdf)
  checks.push({ check: 'header', ok: true, detail: `format ${header.format}, vault ${header.vaultId}` })
  checks.push({
    check: 'key derivation',
    ok: !weak,
    detail: `Argon2id ${memoryKiB / 1024} MiB, t=${iterations}, p=${parallelism}${weak ? ` — below the ${DEFAULT_FLOOR.memoryKiB / 1024} MiB/t=${DEFAULT_FLOOR.iterations} floor a real vault is calibrated to (the --kdf-* flags are for tests and benchmarks); raise it with keyward passwd` : ''}`,
  })
  checks.push({ check: 'unlock slots', ok: true, detail: Object.keys(header.slots).join(', ') })
  checks.push({ check: 'wrong-password counter', ok: true, detail: `${header.throttle.failures} in a row` })
  checks.push(
    ...permissionChecks([
      [files.dir, 0o700],
      [files.header, 0o600],
      [files.database, 0o600],
    ]),
  )
  try {
    const summary = await withVault(context, (session) => {
      checkIntegrity(session.db, session.files.database, restoreHint(session.files))
      const keys = countKeys(session)
      // Temps a killed write left beside a .env file Keyward writes to (or beside the header) hold secrets: gone.
      const temps = [files.header, ...recentDotenvFiles(session, 10_000)].reduce(
        (sum, file) => sum + removeStaleTemps(file),
        0,
      )
      return { version: schemaVersion(session.db), keys, temps }
    })
    checks.push({
      check: 'database integrity',
      ok: true,
      detail: `ok; schema ${summary.version} of ${latestVersion()}, ${summary.keys} keys`,
    })
    checks.push({
      check: 'leftover temp files',
      ok: true,
      detail: summary.temps === 0 ? 'none' : `${summary.temps} left by an interrupted write, removed`,
    })
  } catch (error) {
    if (!(error instanceof KeywardError) || error.code !== 'VAULT_CORRUPT') throw error
    checks.push({ check: 'database integrity', ok: false, detail: error.message })
  }
  const seen = context.deps.seenVaults
  const latest = readHeader(files)
  if (seen !== undefined && acceptRestore) acceptRollback(seen, files, latest)
  const rollback = seen === undefined ? null : pendingRollback(seen, files, latest)
  checks.push({
    check: 'vault history',
    ok: rollback === null,
    detail:
      rollback === null
        ? 'not older than this device last saw it'
        : `${rollbackMessage(rollback)} (Noticed ${rollback.noticedAt.slice(0, 10)}: password changes ${rollback.found.generation} and audit entry ${rollback.found.eventId}, where this device had seen ${rollback.seen.generation} and ${rollback.seen.eventId}.) Once checked, run keyward doctor --accept-restore.`,
  })
  // Read again: on a terminal the unlock above has just shown a recovery code that was owed.
  const owed = readHeader(files).recoveryCodeUnseen === true
  checks.push({
    check: 'recovery code',
    ok: !owed,
    detail: owed
      ? 'none you have seen opens this vault: an interrupted password change was finished and its new code was never shown. Run any keyward command on a terminal, or unlock the app, to get a new one.'
      : 'set',
  })
  const quarantined = quarantinedRotations(files)
  checks.push({
    check: 'interrupted rotations',
    ok: quarantined.length === 0,
    detail:
      quarantined.length === 0
        ? 'none left unapplied'
        : `${quarantined.length} record(s) could not be applied: ${quarantined.join(', ')}. The provider may have issued a new key; check those keys in its dashboard, then delete the files.`,
  })
  const backups = listBackups(files)
  const newest = backups[0]
  checks.push({
    check: 'backups',
    ok: newest !== undefined,
    detail:
      newest === undefined
        ? `none in ${files.backups}; make one with keyward backup`
        : `${backups.length}, newest ${newest.createdAt} (${newest.path})`,
  })
  return checks
}

export async function runDoctor(context: CliContext, asJson: boolean, acceptRestore = false): Promise<void> {
  const checks = await collectChecks(context, acceptRestore)
  const healthy = checks.every((check) => check.ok)
  if (asJson) json(context.terminal, { healthy, checks })
  else
    for (const check of checks) context.terminal.out(`${check.ok ? 'ok  ' : 'FAIL'}  ${check.check}: ${check.detail}`)
  if (!healthy) process.exitCode = EXIT.failure
}
