import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import net from 'node:net'
import { KeywardError, type ErrorCode } from '../errors'
import type { AgentPaths } from './endpoint'
import { encodeFrame, FrameReader, MAX_RESPONSE_BYTES } from './framing'
import { handshakeMac, macMatches, PROTOCOL_VERSION, type Request } from './protocol'

/** No agent answered within this long: the CLI unlocks by itself instead. */
export const CONNECT_TIMEOUT_MS = 150

interface Pending {
  readonly resolve: (value: unknown) => void
  readonly reject: (error: Error) => void
}

/**
 * The CLI's side of the agent protocol — lean on purpose: node:net and node:crypto only (no zod, no SQLite, no
 * Argon2), so `keyward get` through the agent costs little more than Node's own start. It trusts nothing the
 * endpoint says until the server has proved, with the cookie's MAC over our nonce, that it is the agent.
 */
export class AgentClient {
  private readonly pending = new Map<number, Pending>()
  private nextId = 1
  private closedWith: Error | null = null

  private constructor(
    private readonly socket: net.Socket,
    readonly host: 'desktop' | 'headless',
  ) {
    const reader = new FrameReader(MAX_RESPONSE_BYTES)
    socket.on('data', (chunk: Buffer) => {
      let frames: unknown[]
      try {
        frames = reader.push(chunk)
      } catch {
        this.fail(new KeywardError('INTERNAL', 'The agent sent something unreadable; nothing was used.'))
        return
      }
      for (const frame of frames) this.settle(frame)
    })
    socket.on('close', () => this.fail(new KeywardError('INTERNAL', 'The agent closed the connection.')))
    socket.on('error', () => undefined)
  }

  /**
   * Connects and authenticates both ways. Null when no agent is there to ask (no cookie, nothing listening, no
   * answer in time, or a protocol version we do not speak): the caller falls back to the password. Throws when
   * something answers on the endpoint without proving it holds the cookie — that is never trusted or used.
   */
  static async connect(paths: AgentPaths, timeoutMs = CONNECT_TIMEOUT_MS): Promise<AgentClient | null> {
    let cookie: Buffer
    try {
      cookie = readFileSync(paths.cookie)
    } catch {
      return null
    }
    const socket = net.connect(paths.socket)
    const nonce = randomBytes(16).toString('base64')
    const welcome = await new Promise<Record<string, unknown> | null>((resolve) => {
      const reader = new FrameReader(64 * 1024)
      const timer = setTimeout(() => resolve(null), timeoutMs)
      const finish = (value: Record<string, unknown> | null) => {
        clearTimeout(timer)
        socket.removeAllListeners('data')
        resolve(value)
      }
      socket.once('error', () => finish(null))
      socket.once('close', () => finish(null))
      socket.on('data', (chunk: Buffer) => {
        try {
          const [frame] = reader.push(chunk)
          if (frame !== undefined)
            finish(typeof frame === 'object' && frame !== null ? (frame as Record<string, unknown>) : {})
        } catch {
          finish({})
        }
      })
      socket.once('connect', () => {
        const mac = handshakeMac(cookie, 'client', nonce)
        socket.write(encodeFrame({ v: PROTOCOL_VERSION, t: 'hello', client: 'keyward-cli', nonce, mac }))
      })
    })
    socket.removeAllListeners('error')
    socket.removeAllListeners('close')
    if (welcome === null) {
      socket.destroy()
      return null
    }
    if (welcome.t !== 'welcome' || !macMatches(handshakeMac(cookie, 'server', nonce), welcome.mac)) {
      socket.destroy()
      throw new KeywardError(
        'INTERNAL',
        `Something answered on the agent's endpoint (${paths.socket}) without proving it is Keyward's agent; ` +
          'nothing was sent to it. Stop it, or run with --no-agent.',
      )
    }
    const proto = welcome.proto
    if (!Array.isArray(proto) || !proto.includes(PROTOCOL_VERSION)) {
      socket.destroy()
      return null
    }
    return new AgentClient(socket, welcome.agent === 'desktop' ? 'desktop' : 'headless')
  }

  /** One request; its answer's value, or the agent's error as a KeywardError (same codes as the CLI's own). */
  request(request: Request, options: { wait?: boolean } = {}): Promise<unknown> {
    if (this.closedWith !== null) return Promise.reject(this.closedWith)
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      this.socket.write(encodeFrame({ v: PROTOCOL_VERSION, t: 'req', id, wait: options.wait === true, ...request }))
    })
  }

  close(): void {
    this.socket.destroy()
  }

  private settle(frame: unknown): void {
    if (typeof frame !== 'object' || frame === null) return
    const { id, ok, value, error } = frame as Record<string, unknown>
    const pending = typeof id === 'number' ? this.pending.get(id) : undefined
    if (pending === undefined) return
    this.pending.delete(id as number)
    if (ok === true) pending.resolve(value)
    else pending.reject(agentError(error))
  }

  private fail(error: Error): void {
    this.closedWith ??= error
    for (const pending of this.pending.values()) pending.reject(error)
    this.pending.clear()
  }
}

const knownCodes = new Set<string>([
  'VAULT_LOCKED',
  'DENIED',
  'NOT_FOUND',
  'AMBIGUOUS',
  'INVALID_INPUT',
  'CONFLICT',
  'DOTENV_UNSAFE',
  'VAULT_BUSY',
  'VAULT_CORRUPT',
  'UNSUPPORTED',
])

function agentError(error: unknown): KeywardError {
  const { code, message } = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>
  const text = typeof message === 'string' && message !== '' ? message : 'The agent refused the request.'
  return new KeywardError(typeof code === 'string' && knownCodes.has(code) ? (code as ErrorCode) : 'INTERNAL', text)
}
