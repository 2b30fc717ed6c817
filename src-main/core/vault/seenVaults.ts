import type { Database } from 'better-sqlite3-multiple-ciphers'
import { existsSync, mkdirSync, readFileSync, realpathSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { writeFileAtomic } from '../fs/atomicWrite'
import { withFileLockSync } from '../fs/fileLock'
import type { VaultHeader } from './header'
import type { VaultFiles } from './vaultFiles'

/**
 * How far each vault this device opened had got — its password-change generation and the newest entry of its audit
 * trail — kept OUTSIDE the vault folder (deviceStateDir), so that copying an older vault.db + vault.json over the
 * live pair (a backup restored, a sync tool that went back) is noticed at the next unlock instead of silently
 * losing what was added since. Nothing secret: an id, a folder, two counters, dates.
 */
const mark = z.object({
  generation: z.number().int().nonnegative(),
  eventId: z.number().int().nonnegative(),
  seenAt: z.string(),
})
export type SeenMark = z.infer<typeof mark>

const entry = mark.extend({
  dir: z.string(),
  /** Set when an unlock found the vault older than this mark; stays until accepted (`keyward doctor --accept-restore`). */
  rollback: z.object({ noticedAt: z.string(), seen: mark, found: mark }).optional(),
})
type Entry = z.infer<typeof entry>
export type Rollback = NonNullable<Entry['rollback']>

const stateSchema = z.object({ vaults: z.record(z.string(), entry) })

/** How far `db` has got: what the header says of its generation and the audit trail's newest entry. */
export function markOf(header: VaultHeader, db: Database, now: Date): SeenMark {
  const eventId = db.prepare('SELECT coalesce(max(id), 0) FROM events').pluck().get() as number
  return { generation: header.generation ?? 0, eventId, seenAt: now.toISOString() }
}

function older(found: SeenMark, seen: SeenMark): boolean {
  return found.generation < seen.generation || (found.generation === seen.generation && found.eventId < seen.eventId)
}

function keyOf(files: VaultFiles, header: VaultHeader): string {
  const dir = existsSync(files.dir) ? realpathSync(files.dir) : files.dir
  return `${header.vaultId}:${dir}`
}

/**
 * Reads, changes and writes the state file under its lock; an unreadable file starts afresh. Never in the way of an
 * unlock or a lock: a state folder that cannot be written (read-only home, full disk) only costs the warning.
 */
function update<T>(stateFile: string, change: (vaults: Record<string, Entry>) => T, otherwise: T): T {
  try {
    return updateOrThrow(stateFile, change)
  } catch {
    return otherwise
  }
}

function updateOrThrow<T>(stateFile: string, change: (vaults: Record<string, Entry>) => T): T {
  mkdirSync(path.dirname(stateFile), { recursive: true, mode: 0o700 })
  return withFileLockSync(`${stateFile}.lock`, () => {
    let vaults: Record<string, Entry> = {}
    try {
      vaults = stateSchema.parse(JSON.parse(readFileSync(stateFile, 'utf8'))).vaults
    } catch {
      // Missing or damaged: what this device knew is gone, and with it only the warning.
    }
    const result = change(vaults)
    // Vaults whose folder is gone are forgotten, so the file does not grow with every temporary vault.
    const kept = Object.fromEntries(Object.entries(vaults).filter(([, value]) => existsSync(value.dir)))
    writeFileAtomic(stateFile, `${JSON.stringify({ vaults: kept }, null, 2)}\n`)
    return result
  })
}

/**
 * At unlock, before the unlock records anything: the vault compared with the newest this device saw. Older → the
 * rollback is recorded (and returned, for the unlock to say so); either way the mark becomes what is found now.
 * `measure` reads the vault inside the state file's lock: read before it, a mark another process raised after its
 * own commit, in between, would make a vault that only moved on look older.
 */
export function checkSeen(
  stateFile: string,
  files: VaultFiles,
  header: VaultHeader,
  measure: () => SeenMark,
): Rollback | null {
  return update(
    stateFile,
    (vaults) => {
      const found = measure()
      const key = keyOf(files, header)
      const previous = vaults[key]
      const wentBack =
        previous !== undefined && older(found, previous)
          ? { noticedAt: found.seenAt, seen: strip(previous), found }
          : null
      const rollback = wentBack ?? previous?.rollback
      vaults[key] = { ...found, dir: files.dir, ...(rollback === undefined ? {} : { rollback }) }
      return wentBack
    },
    null,
  )
}

/** Raises the mark (after an unlock's own events, and at lock), measured inside the lock: never lowers it. */
export function markSeen(stateFile: string, files: VaultFiles, header: VaultHeader, measure: () => SeenMark): void {
  update(
    stateFile,
    (vaults) => {
      const now = measure()
      const key = keyOf(files, header)
      const previous = vaults[key]
      if (previous !== undefined && !older(previous, now)) return
      vaults[key] = {
        ...now,
        dir: files.dir,
        ...(previous?.rollback === undefined ? {} : { rollback: previous.rollback }),
      }
    },
    undefined,
  )
}

/** The rollback noticed on this vault and not yet accepted, for doctor. */
export function pendingRollback(stateFile: string, files: VaultFiles, header: VaultHeader): Rollback | null {
  if (!existsSync(stateFile)) return null
  try {
    return stateSchema.parse(JSON.parse(readFileSync(stateFile, 'utf8'))).vaults[keyOf(files, header)]?.rollback ?? null
  } catch {
    return null
  }
}

/** The user checked the older vault and keeps it: doctor stops listing it. */
export function acceptRollback(stateFile: string, files: VaultFiles, header: VaultHeader): void {
  updateOrThrow(stateFile, (vaults) => {
    const current = vaults[keyOf(files, header)]
    if (current === undefined) return
    const { rollback: _accepted, ...rest } = current
    vaults[keyOf(files, header)] = rest
  })
}

function strip(value: Entry): SeenMark {
  return { generation: value.generation, eventId: value.eventId, seenAt: value.seenAt }
}

/** What the unlock says when the vault went back. */
export function rollbackMessage(rollback: Rollback): string {
  return `This vault is older than the one this device opened on ${rollback.seen.seenAt.slice(0, 10)}: it was put back to an earlier copy (a backup restored, or a sync that went back), so keys added or changed since then are not in it. If you restored it on purpose, nothing is wrong.`
}
