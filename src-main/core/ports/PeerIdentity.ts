import type { Socket } from 'node:net'

/** One process in the caller's chain, as the system reports it (never as the client claims). */
export interface ProcessFacts {
  readonly pid: number
  /** The executable's path (`/proc/<pid>/exe`), else the command name. */
  readonly exe: string
}

/** Who is on the other end of an agent connection. Fields the system could not report are null. */
export interface PeerInfo {
  /** From the kernel (SO_PEERCRED): the peer's user id. Null where the platform cannot tell (Windows, v1). */
  readonly uid: number | null
  readonly pid: number | null
  readonly exe: string | null
  readonly cwd: string | null
  /** The controlling terminal, e.g. `/dev/pts/3`; null for a process without one. */
  readonly tty: string | null
  /** Whether the process's stdout is a terminal (a person reads it) — a heuristic, shown in the prompt. */
  readonly stdoutTty: boolean | null
  /** The terminal session a grant "for this terminal" belongs to: session id + its leader's start time + tty. */
  readonly sessionKey: string | null
  /** Up to three ancestors above the caller, nearest first: `keyward ← bash ← claude ← tmux`. */
  readonly chain: readonly ProcessFacts[]
  /** The kernel vouched for uid and pid (Linux). */
  readonly verified: boolean
}

export interface PeerIdentity {
  identify(socket: Socket): PeerInfo
}

/** A platform that cannot name its peer: every field unknown (Windows in v1; the cookie MAC still applies). */
export const unknownPeer: PeerIdentity = {
  identify: () => ({
    uid: null,
    pid: null,
    exe: null,
    cwd: null,
    tty: null,
    stdoutTty: null,
    sessionKey: null,
    chain: [],
    verified: false,
  }),
}
