import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import net from 'node:net'
import { errorCodes, KeywardError } from '../errors'
import type { AgentPaths } from './endpoint'
import { encodeFrame, FrameReader, MAX_RESPONSE_BYTES } from './framing'
import { handshakeMac, macMatches, PROTOCOL_VERSION, type Request } from './protocol'

/** No agent accepted the connection within this long: the CLI unlocks by itself instead. */
export const CONNECT_TIMEOUT_MS = 150
/** The agent's welcome comes at once; without it in this long, the agent is taken to be unavailable. */
const WELCOME_TIMEOUT_MS = 2_000

/** The agent cannot serve (it closed, stayed silent, or speaks another protocol version): unlock another way. */
export class AgentUnavailable extends Error {
  override readonly name = 'AgentUnavailable'
}

interface Pending {
  readonly resolve: (value: unknown) => void
  readonly reject: (error: Error) => void
}

/**
 * The CLI's side of the agent protocol — lean on purpose: node:net and node:crypto only (no zod, no SQLite, no
 * Argon2), so `keyward get` through the agent costs little more than Node's own start. The hello and the first
 * request leave in one write (one round trip); no answer is trusted until the server has proved, with the
 * cookie's MAC over our nonce, that it is the agent.
 */
export class AgentClient {
  private readonly pending = new Map<number, Pending>()
  private nextId = 1
  private failure: Error | null = null
  private welcomed: 'desktop' | 'headless' | null = null
  private readonly welcomeTimer: NodeJS.Timeout

  private constructor(
    private readonly socket: net.Socket,
    cookie: Buffer,
    nonce: string,
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
      for (const frame of frames) {
        if (this.failure !== null) return
        if (this.welcomed === null) this.welcome(frame, cookie, nonce)
        else this.settle(frame)
      }
    })
    socket.on('close', () => this.fail(new AgentUnavailable('The agent closed the connection.')))
    socket.on('error', () => undefined)
    this.welcomeTimer = setTimeout(
      () => this.fail(new AgentUnavailable('The agent did not answer.')),
      WELCOME_TIMEOUT_MS,
    )
    socket.write(
      encodeFrame({
        v: PROTOCOL_VERSION,
        t: 'hello',
        client: 'keyward-cli',
        nonce,
        mac: handshakeMac(cookie, 'client', nonce),
      }),
    )
  }

  /**
   * Connects and says hello. Null when no agent is there to ask (no cookie, nothing listening, or no connection in
   * time): the caller falls back to the password. The server's proof comes with the first answer.
   */
  static async connect(paths: AgentPaths, timeoutMs = CONNECT_TIMEOUT_MS): Promise<AgentClient | null> {
    let cookie: Buffer
    try {
      cookie = readFileSync(paths.cookie)
    } catch {
      return null
    }
    const socket = net.connect(paths.socket)
    const connected = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs)
      socket.once('error', () => {
        clearTimeout(timer)
        resolve(false)
      })
      socket.once('connect', () => {
        clearTimeout(timer)
        resolve(true)
      })
    })
    socket.removeAllListeners('error')
    if (!connected) {
      socket.destroy()
      return null
    }
    return new AgentClient(socket, cookie, randomBytes(16).toString('base64'))
  }

  /** Which host answered; known once the first answer arrived (null before). */
  get host(): 'desktop' | 'headless' | null {
    return this.welcomed
  }

  /** One request; its answer's value, or the agent's error as a KeywardError (same codes as the CLI's own). */
  request(request: Request, options: { wait?: boolean; quiet?: boolean } = {}): Promise<unknown> {
    if (this.failure !== null) return Promise.reject(this.failure)
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      this.socket.write(
        encodeFrame({
          v: PROTOCOL_VERSION,
          t: 'req',
          id,
          wait: options.wait === true,
          quiet: options.quiet === true,
          ...request,
        }),
      )
    })
  }

  close(): void {
    clearTimeout(this.welcomeTimer)
    this.socket.destroy()
  }

  private welcome(frame: unknown, cookie: Buffer, nonce: string): void {
    const welcome = (typeof frame === 'object' && frame !== null ? frame : {}) as Record<string, unknown>
    clearTimeout(this.welcomeTimer)
    if (welcome.t !== 'welcome' || !macMatches(handshakeMac(cookie, 'server', nonce), welcome.mac)) {
      this.fail(
        new KeywardError(
          'INTERNAL',
          "Something answered on the agent's endpoint without proving it is Keyward's agent; nothing it sent was " +
            'used. Stop it, or run with --no-agent.',
        ),
      )
      return
    }
    if (!Array.isArray(welcome.proto) || !welcome.proto.includes(PROTOCOL_VERSION)) {
      this.fail(new AgentUnavailable('The agent speaks another protocol version.'))
      return
    }
    this.welcomed = welcome.agent === 'desktop' ? 'desktop' : 'headless'
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
    if (this.failure === null) this.failure = error
    clearTimeout(this.welcomeTimer)
    for (const pending of this.pending.values()) pending.reject(this.failure)
    this.pending.clear()
    this.socket.destroy()
  }
}

function agentError(error: unknown): KeywardError {
  const { code, message } = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>
  const text = typeof message === 'string' && message !== '' ? message : 'The agent refused the request.'
  const known = errorCodes.find((each) => each === code)
  return new KeywardError(known ?? 'INTERNAL', text)
}
