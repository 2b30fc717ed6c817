import { createHash, randomBytes } from 'node:crypto'
import { chmodSync, lstatSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { KeywardError } from '../errors'
import type { PathEnvironment } from '../paths'

/** Where the agent listens, and the files beside its socket. */
export interface AgentPaths {
  /** The per-user folder holding the socket, cookie and info file (0700). Windows: the cookie's folder. */
  readonly dir: string
  /** A Unix socket path, or a Windows named pipe. */
  readonly socket: string
  /** 32 random bytes, new at each start: both sides prove they read it (the client checks the server first). */
  readonly cookie: string
  /** Which host runs the agent, its pid and vault (agent.json): for `keyward agent status` and the one-owner rule. */
  readonly info: string
}

/** Linux's `sun_path` holds 108 bytes, macOS's 104, both with the terminating NUL. */
export const SOCKET_PATH_LIMIT: Partial<Record<NodeJS.Platform, number>> = { linux: 107, darwin: 103 }

/**
 * Linux: `$XDG_RUNTIME_DIR/keyward` (the freedesktop per-user runtime folder), else `$XDG_CACHE_HOME/keyward/run`;
 * macOS: `$TMPDIR/keyward` (per user, under /var/folders); Windows: a pipe named after the user's home, with the
 * cookie under `%LOCALAPPDATA%\Keyward\run`. `$KEYWARD_AGENT_DIR` overrides the folder (tests; Unix only).
 */
export function agentPaths(machine: PathEnvironment): AgentPaths {
  const { platform, env, homedir } = machine
  if (platform === 'win32') {
    const dir = path.win32.join(env.LOCALAPPDATA ?? path.win32.join(homedir, 'AppData', 'Local'), 'Keyward', 'run')
    const id = createHash('sha256').update(homedir).digest('base64url').slice(0, 32)
    return filesIn(dir, `\\\\.\\pipe\\keyward-agent-${id}`, path.win32.join)
  }
  const absolute = (value: string | undefined) => (value !== undefined && path.isAbsolute(value) ? value : undefined)
  const dir =
    absolute(env.KEYWARD_AGENT_DIR) ??
    (platform === 'darwin'
      ? path.posix.join(absolute(env.TMPDIR) ?? '/tmp', 'keyward')
      : absolute(env.XDG_RUNTIME_DIR) !== undefined
        ? path.posix.join(env.XDG_RUNTIME_DIR ?? '', 'keyward')
        : path.posix.join(absolute(env.XDG_CACHE_HOME) ?? path.posix.join(homedir, '.cache'), 'keyward', 'run'))
  return filesIn(dir, path.posix.join(dir, 'agent.sock'), path.posix.join)
}

function filesIn(dir: string, socket: string, join: (...parts: string[]) => string): AgentPaths {
  return { dir, socket, cookie: join(dir, 'agent.cookie'), info: join(dir, 'agent.json') }
}

/** What `lstat` says about the folder, for the checks below (tests pass their own). */
export interface FolderFacts {
  readonly isDirectory: boolean
  readonly isSymbolicLink: boolean
  readonly uid: number
  readonly mode: number
}

/** The folder must be a real directory, ours, and closed to group and others; a reason otherwise. */
export function folderProblem(facts: FolderFacts, ourUid: number): string | null {
  if (facts.isSymbolicLink) return 'is a symbolic link'
  if (!facts.isDirectory) return 'is not a folder'
  if (facts.uid !== ourUid) return `belongs to another user (uid ${facts.uid})`
  if ((facts.mode & 0o077) !== 0) return `is open to other users (mode ${(facts.mode & 0o777).toString(8)})`
  return null
}

/** Creates the agent's folder 0700 where missing, then refuses it unless it passes `folderProblem`. */
export function prepareAgentDir(paths: AgentPaths, platform: NodeJS.Platform = process.platform): void {
  mkdirSync(paths.dir, { recursive: true, mode: 0o700 })
  if (platform === 'win32') return
  const stats = lstatSync(paths.dir)
  const problem = folderProblem(
    { isDirectory: stats.isDirectory(), isSymbolicLink: stats.isSymbolicLink(), uid: stats.uid, mode: stats.mode },
    process.getuid?.() ?? stats.uid,
  )
  if (problem !== null)
    throw new KeywardError('UNSUPPORTED', `The agent's folder ${paths.dir} ${problem}; the agent does not start there.`)
  const limit = SOCKET_PATH_LIMIT[platform]
  if (limit !== undefined && Buffer.byteLength(paths.socket) > limit)
    throw new KeywardError(
      'UNSUPPORTED',
      `The agent's socket path ${paths.socket} is longer than this system's ${limit}-byte limit. ` +
        'Set XDG_RUNTIME_DIR (or KEYWARD_AGENT_DIR) to a shorter folder.',
    )
}

/** Whether something answers on the socket: a live agent (true), nothing there or a stale file (false). */
export function endpointAnswers(socket: string, timeoutMs = 500): Promise<boolean | 'unknown'> {
  return new Promise((resolve) => {
    const probe = net.connect(socket)
    const done = (answer: boolean | 'unknown') => {
      probe.destroy()
      resolve(answer)
    }
    probe.setTimeout(timeoutMs, () => done('unknown'))
    probe.once('connect', () => done(true))
    probe.once('error', (error: NodeJS.ErrnoException) =>
      done(error.code === 'ECONNREFUSED' || error.code === 'ENOENT' ? false : 'unknown'),
    )
  })
}

/**
 * Makes the endpoint ours to bind: a stale socket (nothing listens) is removed; a live one, or one we cannot
 * judge, is refused — never replaced — and the message names the agent that holds it.
 */
export async function claimEndpoint(paths: AgentPaths, platform: NodeJS.Platform = process.platform): Promise<void> {
  const answer = await endpointAnswers(paths.socket)
  if (answer === false) {
    if (platform !== 'win32') rmSync(paths.socket, { force: true })
    return
  }
  const holder = readAgentInfo(paths)
  throw new KeywardError(
    'VAULT_BUSY',
    holder === null
      ? `Another process holds the agent's endpoint ${paths.socket}; Keyward leaves it alone.`
      : `A Keyward agent already runs (${holder.host === 'desktop' ? 'the desktop app' : 'keyward agent start'}, ` +
          `pid ${holder.pid}). Stop it first (keyward agent stop, or quit the app).`,
  )
}

export interface AgentInfo {
  readonly host: 'desktop' | 'headless'
  readonly pid: number
  readonly vaultDir: string
  readonly proto: readonly number[]
}

export function readAgentInfo(paths: AgentPaths): AgentInfo | null {
  try {
    const info = JSON.parse(readFileSync(paths.info, 'utf8')) as Partial<AgentInfo>
    if ((info.host !== 'desktop' && info.host !== 'headless') || typeof info.pid !== 'number') return null
    if (typeof info.vaultDir !== 'string' || !Array.isArray(info.proto)) return null
    return { host: info.host, pid: info.pid, vaultDir: info.vaultDir, proto: info.proto }
  } catch {
    return null
  }
}

/** A new cookie for this start (0600), and the info file beside it. */
export function writeStartFiles(paths: AgentPaths, info: AgentInfo): Buffer {
  const cookie = randomBytes(32)
  rmSync(paths.cookie, { force: true })
  writeFileSync(paths.cookie, cookie, { mode: 0o600, flag: 'wx' })
  writeFileSync(paths.info, JSON.stringify(info), { mode: 0o600 })
  return cookie
}

/** The socket is 0600 as well as its 0700 folder: the folder is the guard, the mode says so to anyone looking. */
export function restrictSocket(paths: AgentPaths, platform: NodeJS.Platform = process.platform): void {
  if (platform !== 'win32') chmodSync(paths.socket, 0o600)
}

/** On stop: the socket and the start files go (a later client finds no agent at once). */
export function removeStartFiles(paths: AgentPaths, platform: NodeJS.Platform = process.platform): void {
  if (platform !== 'win32') rmSync(paths.socket, { force: true })
  rmSync(paths.cookie, { force: true })
  rmSync(paths.info, { force: true })
}
