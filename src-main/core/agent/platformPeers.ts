import type { PathEnvironment } from '../paths'
import { unknownPeer, type PeerIdentity } from '../ports/PeerIdentity'
import { agentPaths, type AgentPaths } from './endpoint'
import { linuxPeerIdentity } from './linuxPeer'

/** Where an agent listens and how it names its peers (the platform's adapters; a temp folder in tests). */
export interface AgentEndpointPorts {
  readonly paths: AgentPaths
  readonly peers: PeerIdentity
  /** Our uid on Linux (a peer must have it, or be root); null where the OS cannot tell. */
  readonly requireUid: number | null
}

/**
 * The agent's endpoint on this platform. Linux: the kernel names the peer (SO_PEERCRED) and a peer of another uid
 * is closed. macOS and Windows (v1): no peer credentials yet (getpeereid and GetNamedPipeClientProcessId need
 * their own adapters), so the per-user folder and the cookie MAC are the guard — README "Agent: threat model".
 */
export function agentEndpoint(machine: PathEnvironment): AgentEndpointPorts {
  const linux = machine.platform === 'linux'
  return {
    paths: agentPaths(machine),
    peers: linux ? linuxPeerIdentity : unknownPeer,
    requireUid: linux ? (process.getuid?.() ?? null) : null,
  }
}
