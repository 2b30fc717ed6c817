import net from 'node:net'
import { KeywardError } from '../errors'
import type { PeerIdentity, PeerInfo } from '../ports/PeerIdentity'
import type { Timers } from '../ports/Timers'
import {
  claimEndpoint,
  prepareAgentDir,
  removeStartFiles,
  restrictSocket,
  writeStartFiles,
  type AgentInfo,
  type AgentPaths,
} from './endpoint'
import { encodeFrame, FrameReader, MAX_REQUEST_BYTES } from './framing'
import {
  BadRequest,
  handshakeMac,
  macMatches,
  parseRequest,
  PROTOCOL_VERSION,
  type Request,
  type Response,
  type ServeOptions,
} from './protocol'

/** A client must say hello (with the cookie's MAC) within this long, or it is disconnected. */
export const HELLO_TIMEOUT_MS = 5_000
/** A connection with nothing in flight that stays silent this long is closed (a stalled client holds nothing). */
export const IDLE_CONNECTION_MS = 120_000
/** At most this many requests at once per connection; more is BUSY. */
const MAX_IN_FLIGHT = 4

export interface AgentServerOptions {
  readonly paths: AgentPaths
  readonly info: Omit<AgentInfo, 'proto'>
  readonly peers: PeerIdentity
  /** The uid a peer must have (ours; root is let through, as OpenSSH does). Null where the OS cannot tell. */
  readonly requireUid: number | null
  readonly timers: Timers
  readonly serve: (
    request: Request,
    peer: PeerInfo,
    options: ServeOptions & { signal: AbortSignal },
  ) => Promise<unknown>
  readonly platform?: NodeJS.Platform
  /** Tests shorten the hello deadline. */
  readonly helloTimeoutMs?: number
}

/**
 * The agent's endpoint (../shared/design/agent.md §A4): a Unix socket in a 0700 folder, or a named pipe; one
 * owner at a time. Per connection: the peer's uid is checked before anything is read (a mismatch is closed
 * without a word), then the client's hello must carry the cookie's MAC, and only then are requests served — each
 * on its own, so a connection's earlier approval never covers a later request. Garbage, oversize frames and
 * stalls close that connection alone.
 */
export class AgentServer {
  private server: net.Server | null = null
  private readonly sockets = new Set<net.Socket>()
  private cookie: Buffer = Buffer.alloc(0)

  constructor(private readonly options: AgentServerOptions) {}

  async start(): Promise<void> {
    const { paths } = this.options
    const platform = this.options.platform ?? process.platform
    prepareAgentDir(paths, platform)
    await claimEndpoint(paths, platform)
    this.cookie = writeStartFiles(paths, { ...this.options.info, proto: [PROTOCOL_VERSION] })
    const server = net.createServer((socket) => this.accept(socket))
    await new Promise<void>((resolve, reject) => {
      server.once('error', (error: NodeJS.ErrnoException) =>
        reject(
          error.code === 'EADDRINUSE'
            ? new KeywardError('VAULT_BUSY', `Another process holds the agent's endpoint ${paths.socket}.`)
            : error,
        ),
      )
      server.listen(paths.socket, () => resolve())
    })
    restrictSocket(paths, platform)
    this.server = server
  }

  async stop(): Promise<void> {
    const server = this.server
    this.server = null
    for (const socket of this.sockets) socket.destroy()
    if (server !== null) await new Promise<void>((resolve) => server.close(() => resolve()))
    removeStartFiles(this.options.paths, this.options.platform ?? process.platform)
  }

  get listening(): boolean {
    return this.server !== null
  }

  private accept(socket: net.Socket): void {
    let peer: PeerInfo
    try {
      peer = this.options.peers.identify(socket)
    } catch {
      socket.destroy()
      return
    }
    const { requireUid } = this.options
    if (requireUid !== null && peer.uid !== requireUid && peer.uid !== 0) {
      socket.destroy()
      return
    }
    this.sockets.add(socket)
    const controller = new AbortController()
    const { timers } = this.options
    let helloTimer: unknown = timers.setTimeout(() => socket.destroy(), this.options.helloTimeoutMs ?? HELLO_TIMEOUT_MS)
    socket.setTimeout(IDLE_CONNECTION_MS, () => {
      if (inFlight === 0) socket.destroy()
    })
    socket.on('close', () => {
      this.sockets.delete(socket)
      controller.abort()
      if (helloTimer !== null) timers.clearTimeout(helloTimer)
    })
    socket.on('error', () => socket.destroy())
    const reader = new FrameReader(MAX_REQUEST_BYTES)
    let greeted = false
    let inFlight = 0
    const send = (message: unknown) => {
      if (!socket.destroyed) socket.write(encodeFrame(message))
    }
    socket.on('data', (chunk: Buffer) => {
      let frames: unknown[]
      try {
        frames = reader.push(chunk)
      } catch {
        socket.destroy()
        return
      }
      for (const frame of frames) {
        if (socket.destroyed) return
        if (!greeted) {
          const nonce = helloNonce(frame, this.cookie)
          if (nonce === null) {
            socket.destroy()
            return
          }
          greeted = true
          timers.clearTimeout(helloTimer)
          helloTimer = null
          const supported = (frame as { v?: unknown }).v === PROTOCOL_VERSION
          send({
            v: PROTOCOL_VERSION,
            t: 'welcome',
            agent: this.options.info.host,
            proto: [PROTOCOL_VERSION],
            mac: handshakeMac(this.cookie, 'server', nonce),
          })
          if (!supported) {
            // The versions are said; nothing more is read from a client that does not speak one of them.
            socket.end()
            return
          }
          continue
        }
        if (inFlight >= MAX_IN_FLIGHT) {
          const id = (frame as { id?: unknown } | null)?.id ?? null
          send({ v: PROTOCOL_VERSION, t: 'res', id, ...failure('VAULT_BUSY', 'Too many requests at once.') })
          continue
        }
        inFlight += 1
        void this.answer(frame, peer, controller.signal).then((response) => {
          inFlight -= 1
          send(response)
        })
      }
    })
  }

  private async answer(frame: unknown, peer: PeerInfo, signal: AbortSignal): Promise<unknown> {
    const id = (frame as { id?: unknown } | null)?.id ?? null
    let response: Response
    try {
      const { request, wait, quiet } = parseRequest(frame)
      response = { ok: true, value: await this.options.serve(request, peer, { wait, quiet, signal }) }
    } catch (error) {
      response =
        error instanceof KeywardError
          ? failure(error.code, error.message)
          : error instanceof BadRequest
            ? failure('INVALID_INPUT', `The agent did not understand the request: ${error.message}.`)
            : failure('INTERNAL', 'The agent hit an internal error; nothing was changed.')
    }
    return { v: PROTOCOL_VERSION, t: 'res', id, ...response }
  }
}

function failure(code: KeywardError['code'], message: string): Response {
  return { ok: false, error: { code, message } }
}

/** The hello's nonce when its MAC proves the client read the cookie; null for anything else. */
function helloNonce(frame: unknown, cookie: Buffer): string | null {
  if (typeof frame !== 'object' || frame === null) return null
  const { t, nonce, mac } = frame as Record<string, unknown>
  if (t !== 'hello' || typeof nonce !== 'string' || nonce.length < 16 || nonce.length > 64) return null
  return macMatches(handshakeMac(cookie, 'client', nonce), mac) ? nonce : null
}
