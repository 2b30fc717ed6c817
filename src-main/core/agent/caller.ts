import path from 'node:path'
import type { Caller } from '../vault/VaultSession'
import type { PeerInfo } from '../ports/PeerIdentity'

/** A program's short name: `bash` for `/usr/bin/bash`. */
const programName = (exe: string) => path.basename(exe)

/**
 * The audit trail's actor for an agent request: the calling program and the one above it, its terminal and
 * folder — read from the system (`/proc`), never from what the client says about itself.
 */
export function callerOf(peer: PeerInfo): Caller {
  const programs = [peer.exe, ...peer.chain.slice(0, 1).map((parent) => parent.exe)]
    .filter((exe): exe is string => exe !== null)
    .map(programName)
  const where = [peer.tty === null ? 'no terminal' : peer.tty, peer.cwd].filter((part) => part !== null)
  return {
    actor: `agent: ${programs.join(' ← ') || 'unknown program'} (${where.join(', ')})`,
    detail: {
      via: 'agent',
      caller: { pid: peer.pid, exe: peer.exe, tty: peer.tty, cwd: peer.cwd, chain: peer.chain.map((p) => p.exe) },
    },
  }
}

/** The chain as a person reads it in a prompt: `node ← bash ← claude ← tmux`. */
export function chainText(peer: PeerInfo): string {
  return [peer.exe, ...peer.chain.map((parent) => parent.exe)]
    .filter((exe): exe is string => exe !== null)
    .map(programName)
    .join(' ← ')
}
