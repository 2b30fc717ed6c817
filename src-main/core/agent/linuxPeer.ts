import { readFileSync, readlinkSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Socket } from 'node:net'
import { unknownPeer, type PeerIdentity, type PeerInfo, type ProcessFacts } from '../ports/PeerIdentity'

/**
 * Linux peer credentials: `getsockopt(fd, SOL_SOCKET, SO_PEERCRED)` through koffi (Node's `net` gives no peer
 * credentials: libuv#2255 is still open), then what `/proc/<pid>` says about the process. koffi is loaded on the
 * first connection only, in the agent's process only — the CLI never loads it.
 */
const SOL_SOCKET = 1
const SO_PEERCRED = 17

type GetSockOpt = (fd: number, level: number, name: number, out: Buffer, length: number[]) => number
type Prctl = (option: number, a: number, b: number, c: number, d: number) => number

interface Libc {
  func(signature: string): unknown
}

let libc: Libc | null = null
let getsockopt: GetSockOpt | null = null

function loadLibc(): Libc {
  // koffi is CommonJS with a native part: required, not imported, so bundlers leave it to Node.
  libc ??= (createRequire(import.meta.url)('koffi') as { load(name: string): Libc }).load('libc.so.6')
  return libc
}

function loadGetsockopt(): GetSockOpt {
  getsockopt ??= loadLibc().func(
    'int getsockopt(int, int, int, _Out_ uint8_t *buf, _Inout_ uint32_t *len)',
  ) as GetSockOpt
  return getsockopt
}

/**
 * `prctl(PR_SET_DUMPABLE, 0)`: other processes of the same user can no longer ptrace the headless agent or read
 * its memory through /proc (lastpass-cli's agent does the same). True when the kernel agreed.
 */
export function refuseDumping(): boolean {
  const PR_SET_DUMPABLE = 4
  const prctl = loadLibc().func('int prctl(int, unsigned long, unsigned long, unsigned long, unsigned long)') as Prctl
  return prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) === 0
}

/** The accepted socket's file descriptor: libuv keeps it on the handle (not a public API, stable since Node 0.x). */
function socketFd(socket: Socket): number | null {
  const fd = (socket as unknown as { _handle?: { fd?: unknown } })._handle?.fd
  return typeof fd === 'number' && fd >= 0 ? fd : null
}

export function peerCredentials(socket: Socket): { pid: number; uid: number; gid: number } | null {
  const fd = socketFd(socket)
  if (fd === null) return null
  const out = Buffer.alloc(12)
  if (loadGetsockopt()(fd, SOL_SOCKET, SO_PEERCRED, out, [12]) !== 0) return null
  return { pid: out.readInt32LE(0), uid: out.readUInt32LE(4), gid: out.readUInt32LE(8) }
}

interface Stat {
  readonly ppid: number
  readonly session: number
  readonly ttyNr: number
  readonly startTime: string
}

/** `/proc/<pid>/stat`: fields after the command name (which may hold spaces and parentheses). */
export function procStat(pid: number): Stat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ')
    // After ")": state(3) ppid(4) pgrp(5) session(6) tty_nr(7) … starttime(22) — 1-based as in proc(5).
    return {
      ppid: Number(fields[1]),
      session: Number(fields[3]),
      ttyNr: Number(fields[4]),
      startTime: fields[19] ?? '',
    }
  } catch {
    return null
  }
}

function link(pid: number, name: string): string | null {
  try {
    return readlinkSync(`/proc/${pid}/${name}`)
  } catch {
    return null
  }
}

function processFacts(pid: number): ProcessFacts {
  let exe = link(pid, 'exe')
  if (exe === null) {
    try {
      exe = readFileSync(`/proc/${pid}/comm`, 'utf8').trim()
    } catch {
      exe = '?'
    }
  }
  return { pid, exe }
}

const isTerminal = (target: string | null) => target !== null && /^\/dev\/(pts\/\d+|tty\w*)$/.test(target)

export function describePid(pid: number, uid: number | null, verified: boolean): PeerInfo {
  const stat = procStat(pid)
  const stdout = link(pid, 'fd/1')
  const stdin = link(pid, 'fd/0')
  const tty = isTerminal(stdin) ? stdin : isTerminal(stdout) ? stdout : null
  const chain: ProcessFacts[] = []
  for (let parent = stat?.ppid ?? 0; parent > 1 && chain.length < 3; parent = procStat(parent)?.ppid ?? 0)
    chain.push(processFacts(parent))
  const leader = stat !== null && stat.session > 0 ? procStat(stat.session) : null
  return {
    uid,
    pid,
    exe: processFacts(pid).exe,
    cwd: link(pid, 'cwd'),
    tty,
    stdoutTty: stdout === null ? null : isTerminal(stdout),
    // A terminal session: the session id and its leader's start time (a reused id is another session) and the tty.
    sessionKey:
      stat !== null && stat.ttyNr !== 0 && leader !== null ? `${stat.session}:${leader.startTime}:${stat.ttyNr}` : null,
    chain,
    verified,
  }
}

export const linuxPeerIdentity: PeerIdentity = {
  identify(socket) {
    const credentials = peerCredentials(socket)
    return credentials === null ? unknownPeer.identify(socket) : describePid(credentials.pid, credentials.uid, true)
  },
}
