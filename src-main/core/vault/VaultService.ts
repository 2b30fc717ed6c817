import { existsSync, statSync, watch, type FSWatcher } from 'node:fs'
import { isCorruption } from '../db/openDatabase'
import { KeywardError, vaultLocked } from '../errors'
import type { DeviceKeyStore } from '../ports/DeviceKeyStore'
import type { PowerEvents } from '../ports/PowerEvents'
import type { IntervalTimers } from '../ports/Timers'
// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- upward on purpose: the header's due digest is refreshed as the vault opens and locks
import { refreshDueDigest } from '../reminders/dueDigest'
import { recordEvent } from './audit'
import { restoreHint } from './backups'
import { createVault, type CreateOptions } from './createVault'
import { readHeader } from './header'
import { markOf, markSeen } from './seenVaults'
import { readSetting, remindBeforeDefault, writeSetting } from './settings'
import {
  unlockWithDevice,
  unlockWithPassword,
  unlockWithRecoveryCode,
  type UnlockDeps,
  type UnlockOptions,
} from './unlockVault'
import type { VaultSession } from './VaultSession'
import { vaultFiles, type VaultFiles } from './vaultFiles'

export type VaultState = 'no-vault' | 'locked' | 'unlocking' | 'unlocked' | 'locking'

/** Why the vault locked: the user, the auto-lock rules, the app quitting, or a CLI command that finished. */
export type LockReason = 'user' | 'idle' | 'suspend' | 'screen-lock' | 'quit' | 'command-done'

/**
 * What the change feed reports. `keys`: vault.db changed — another process committed, or work run here wrote;
 * `header`: vault.json changed.
 */
export type VaultChange =
  | { readonly kind: 'keys' }
  | { readonly kind: 'header' }
  | { readonly kind: 'rotations-quarantined'; readonly files: readonly string[] }

export type UnlockMethod =
  { readonly password: string } | { readonly recoveryCode: string } | { readonly device: DeviceKeyStore }

/** What a unit of work gets: the open session, and a signal that fires when the vault starts to lock. */
export interface Work {
  readonly session: VaultSession
  readonly signal: AbortSignal
}

export interface VaultServiceDeps extends UnlockDeps {
  readonly dir: string
  /** Auto-lock and change-feed ticks. Absent (the CLI): neither runs. */
  readonly timers?: IntervalTimers
  readonly power?: PowerEvents
}

export interface AutoLockSettings {
  /** Lock after this long without activity in Keyward (and without input on the system); 0 = never. */
  readonly idleMs: number
  readonly onSuspend: boolean
  readonly onScreenLock: boolean
}

export const DEFAULT_AUTO_LOCK: AutoLockSettings = { idleMs: 5 * 60_000, onSuspend: true, onScreenLock: true }
/** How often the change feed looks at `PRAGMA data_version` and vault.json's mtime (and auto-lock at the clock). */
export const CHANGE_POLL_MS = 2_000
/**
 * Between the ticks, a write to the vault's folder (another process's commit touches vault.db or its WAL) makes the
 * feed look this soon after the last write: the window shows a CLI change at once, not up to a tick later.
 */
export const CHANGE_SETTLE_MS = 50

interface InFlight {
  readonly controller: AbortController
  readonly done: Promise<unknown>
}

/**
 * The one owner of "the current session or none", for the desktop app (hours unlocked, next to the CLI) and for
 * each CLI command (unlocked for one unit of work). Work runs through `run()`: refused unless unlocked, counted
 * while in flight, aborted through its signal when the vault locks — and the lock closes the database and wipes
 * the keys only once every unit of work has ended, so nothing is ever sealed under a wiped key.
 */
export class VaultService {
  private current: VaultSession | null = null
  private status: VaultState
  private readonly inFlight = new Set<InFlight>()
  private readonly stateListeners = new Set<(state: VaultState) => void>()
  private readonly changeListeners = new Set<(change: VaultChange) => void>()
  private locking: Promise<void> | null = null
  private lockAfterUnlock: LockReason | null = null
  private lastActivity = 0
  private autoLock: AutoLockSettings = DEFAULT_AUTO_LOCK
  private ticker: unknown = null
  private watcher: FSWatcher | null = null
  private seen = { dataVersion: 0, headerMtime: 0 }
  /** total_changes() when the due digest was last brought up to date (the digest depends only on what is stored). */
  private digestAt = 0
  readonly files: VaultFiles

  constructor(private readonly deps: VaultServiceDeps) {
    this.files = vaultFiles(deps.dir)
    this.status = existsSync(this.files.header) ? 'locked' : 'no-vault'
    deps.power?.onSuspend(() => {
      if (this.autoLock.onSuspend) void this.lock('suspend')
    })
    deps.power?.onLockScreen(() => {
      if (this.autoLock.onScreenLock) void this.lock('screen-lock')
    })
  }

  get state(): VaultState {
    return this.status
  }

  onState(listener: (state: VaultState) => void): () => void {
    this.stateListeners.add(listener)
    return () => this.stateListeners.delete(listener)
  }

  onChange(listener: (change: VaultChange) => void): () => void {
    this.changeListeners.add(listener)
    return () => this.changeListeners.delete(listener)
  }

  /** Applies auto-lock settings now (the app's settings screen stores them in the vault with `saveAutoLock`). */
  setAutoLock(settings: AutoLockSettings): void {
    this.autoLock = settings
  }

  /** Stores the auto-lock settings in the vault (so they hold for the next unlock too) and applies them. */
  async saveAutoLock(settings: AutoLockSettings): Promise<void> {
    await this.run(({ session }) => {
      session.db.transaction(() => {
        writeSetting(session, 'autoLockMinutes', settings.idleMs / 60_000)
        writeSetting(session, 'lockOnSuspend', settings.onSuspend ? 1 : 0)
        writeSetting(session, 'lockOnScreenLock', settings.onScreenLock ? 1 : 0)
      })()
    })
    this.setAutoLock(settings)
  }

  /** Records user activity: the idle timer counts from here. */
  touch(): void {
    this.lastActivity = this.deps.clock.now().getTime()
  }

  /** Creates a new vault and leaves it unlocked. Returns the recovery code, shown once. */
  async create(password: string, options: CreateOptions = {}): Promise<string> {
    if (this.status !== 'no-vault' && this.status !== 'locked')
      throw new KeywardError('VAULT_BUSY', 'A vault is open or opening. Lock it first.')
    this.setState('unlocking')
    try {
      const { session, recoveryCode } = await createVault(this.files.dir, password, options, this.deps)
      this.opened(session)
      return recoveryCode
    } catch (error) {
      this.setState(existsSync(this.files.header) ? 'locked' : 'no-vault')
      throw error
    }
  }

  async unlock(method: UnlockMethod, options: UnlockOptions = {}): Promise<void> {
    if (this.status === 'unlocked') return
    if (this.status !== 'locked' && this.status !== 'no-vault')
      throw new KeywardError('VAULT_BUSY', 'The vault is busy locking or unlocking. Try again.')
    this.setState('unlocking')
    let session: VaultSession | null
    try {
      if ('password' in method) session = await unlockWithPassword(this.files.dir, method.password, this.deps, options)
      else if ('recoveryCode' in method)
        session = await unlockWithRecoveryCode(this.files.dir, method.recoveryCode, this.deps)
      else session = await unlockWithDevice(this.files.dir, method.device, this.deps)
    } catch (error) {
      this.setState(existsSync(this.files.header) ? 'locked' : 'no-vault')
      throw error
    }
    if (session === null) {
      this.setState('locked')
      throw new KeywardError('WRONG_PASSWORD', 'This device could not unlock the vault. Use the master password.')
    }
    this.opened(session)
  }

  private opened(session: VaultSession): void {
    this.current = session
    this.autoLock = autoLockOf(session)
    this.digestAt = totalChanges(session)
    this.touch()
    this.seen = this.watermarks(session)
    this.setState('unlocked')
    if (session.quarantinedRotations.length > 0)
      this.emit({ kind: 'rotations-quarantined', files: session.quarantinedRotations })
    if (this.deps.timers !== undefined) {
      this.ticker = this.deps.timers.setInterval(() => this.tick(), CHANGE_POLL_MS)
      this.watchFolder(this.deps.timers)
    }
    const pending = this.lockAfterUnlock
    this.lockAfterUnlock = null
    if (pending !== null) void this.lock(pending)
  }

  /**
   * Runs one unit of work on the open session. VAULT_LOCKED unless unlocked. A driver corruption error becomes
   * VAULT_CORRUPT. (The header's due digest follows writes on the next tick and at lock: it reads every key with a
   * date, which a copy or a reveal — each writes an audit row — must not wait for in a 100k vault.)
   * `activity: false` for background jobs that must not keep the vault unlocked.
   */
  async run<T>(work: (unit: Work) => T | Promise<T>, options: { activity?: boolean } = {}): Promise<T> {
    const session = this.current
    if (session === null || this.status !== 'unlocked') throw vaultLocked()
    if (options.activity !== false) this.touch()
    const before = totalChanges(session)
    const controller = new AbortController()
    const done = (async () => {
      try {
        return await work({ session, signal: controller.signal })
      } catch (error) {
        if (isCorruption(error))
          throw new KeywardError('VAULT_CORRUPT', `${session.files.database} is damaged. ${restoreHint(session.files)}`)
        if (controller.signal.aborted && !(error instanceof KeywardError)) throw vaultLocked()
        throw error
      }
    })()
    const entry: InFlight = { controller, done }
    this.inFlight.add(entry)
    try {
      return await done
    } finally {
      this.inFlight.delete(entry)
      this.announceOwnWrites(session, before)
    }
  }

  /**
   * Work run here that wrote (the tray's "Verify all due", a notification's snooze, a handler) is news for every
   * view of the vault as much as another process's commit, which `PRAGMA data_version` does not show this connection.
   */
  private announceOwnWrites(session: VaultSession, before: number): void {
    try {
      if (this.current === session && this.status === 'unlocked' && totalChanges(session) !== before)
        this.emit({ kind: 'keys' })
    } catch {
      // Closed meanwhile (a lock): there is nothing left to show.
    }
  }

  /**
   * Locks: refuses new work at once, aborts what is in flight and waits for it to end, then refreshes the due
   * digest, records the lock, closes the database and wipes the keys. Safe to call in any state, any number of times.
   */
  lock(reason: LockReason): Promise<void> {
    if (this.locking !== null) return this.locking
    if (this.status === 'unlocking') {
      this.lockAfterUnlock = reason
      return Promise.resolve()
    }
    const session = this.current
    if (session === null || this.status !== 'unlocked') return Promise.resolve()
    this.setState('locking')
    this.locking = (async () => {
      for (const entry of this.inFlight) entry.controller.abort(vaultLocked())
      await Promise.allSettled([...this.inFlight].map((entry) => entry.done))
      this.stopTicker()
      try {
        if (totalChanges(session) !== this.digestAt) this.refreshDigest(session)
        if (reason !== 'command-done') recordEvent(session, 'locked', {}, { reason })
        const seen = this.deps.seenVaults
        if (seen !== undefined)
          markSeen(seen, session.files, session.header, () => markOf(session.header, session.db, this.deps.clock.now()))
      } catch {
        // A damaged or busy database must not keep the vault open: lock regardless.
      } finally {
        session.lock()
        this.current = null
        this.locking = null
        this.setState('locked')
      }
    })()
    return this.locking
  }

  /**
   * The change feed: compares `PRAGMA data_version` (it moves when another connection commits) and vault.json's
   * mtime with what was seen last. Runs every 2 s while unlocked and when the window gains focus.
   */
  checkForChanges(): void {
    const session = this.current
    if (session === null || this.status !== 'unlocked') return
    const now = this.watermarks(session)
    const keysChanged = now.dataVersion !== this.seen.dataVersion
    const headerChanged = now.headerMtime !== this.seen.headerMtime
    this.seen = now
    if (headerChanged) {
      session.header = readHeader(this.files)
      this.emit({ kind: 'header' })
    }
    if (keysChanged) this.emit({ kind: 'keys' })
  }

  /** Quits: locks (clearing what lock clears) and stops every timer. */
  async dispose(): Promise<void> {
    await this.lock('quit')
    this.stopTicker()
  }

  /** Brings the header's due digest up to date after writes (so reminders while locked count what is stored). */
  private refreshDigest(session: VaultSession): void {
    refreshDueDigest(session, remindBeforeDefault(session))
    this.digestAt = totalChanges(session)
    // Our own header write is not news for the change feed.
    this.seen = { ...this.seen, headerMtime: this.watermarks(session).headerMtime }
  }

  private tick(): void {
    try {
      this.checkForChanges()
      const session = this.current
      if (session !== null && this.status === 'unlocked' && totalChanges(session) !== this.digestAt)
        this.refreshDigest(session)
    } catch {
      // A busy or vanished file is looked at again on the next tick.
    }
    const idleMs = this.autoLock.idleMs
    if (idleMs <= 0 || this.status !== 'unlocked') return
    const appIdle = this.deps.clock.now().getTime() - this.lastActivity
    const systemIdle = (this.deps.power?.systemIdleSeconds() ?? 0) * 1000
    if (appIdle >= idleMs || systemIdle >= idleMs) void this.lock('idle')
  }

  private stopTicker(): void {
    if (this.ticker !== null) this.deps.timers?.clearInterval(this.ticker)
    this.ticker = null
    this.watcher?.close()
    this.watcher = null
  }

  /** Looks for changes shortly after the vault's folder is written to; the tick stays the fallback. */
  private watchFolder(timers: IntervalTimers): void {
    let settle: unknown = null
    try {
      this.watcher = watch(this.files.dir, { persistent: false }, () => {
        if (settle !== null) timers.clearTimeout(settle)
        settle = timers.setTimeout(() => {
          settle = null
          try {
            this.checkForChanges()
          } catch {
            // As in the tick: a busy file is looked at again on the next write or tick.
          }
        }, CHANGE_SETTLE_MS)
      })
      this.watcher.on('error', () => this.watcher?.close())
    } catch {
      // No file watching here (a network file system): the tick alone finds changes.
      this.watcher = null
    }
  }

  private watermarks(session: VaultSession): { dataVersion: number; headerMtime: number } {
    return {
      dataVersion: session.sql('PRAGMA data_version').pluck().get() as number,
      headerMtime: existsSync(this.files.header) ? statSync(this.files.header).mtimeMs : 0,
    }
  }

  private setState(state: VaultState): void {
    if (state === this.status) return
    this.status = state
    for (const listener of this.stateListeners) listener(state)
  }

  private emit(change: VaultChange): void {
    for (const listener of this.changeListeners) listener(change)
  }
}

/** The auto-lock settings stored in the vault (defaults: 5 minutes, on sleep, on screen lock). */
export function autoLockOf(session: VaultSession): AutoLockSettings {
  return {
    idleMs: readSetting(session, 'autoLockMinutes') * 60_000,
    onSuspend: readSetting(session, 'lockOnSuspend') === 1,
    onScreenLock: readSetting(session, 'lockOnScreenLock') === 1,
  }
}

/** Rows changed on this connection since it opened: a cheap "did this work write?". */
function totalChanges(session: VaultSession): number {
  return session.sql('SELECT total_changes()').pluck().get() as number
}
