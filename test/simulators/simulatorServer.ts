import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { createServer as createTlsServer } from 'node:https'
import type { AddressInfo } from 'node:net'

export interface SimulatorRequest {
  readonly method: string
  readonly path: string
  /** The query string's parameters (the last value of each). */
  readonly query: Readonly<Record<string, string>>
  readonly headers: IncomingMessage['headers']
  readonly body: unknown
  /** The body as sent (a form body; what a signature covers). */
  readonly rawBody: string
  /** The request target as sent: path and query string. */
  readonly url: string
}

export interface Reply {
  readonly status: number
  readonly body?: unknown
  /** Sent as it is, for malformed answers. */
  readonly raw?: string
  readonly headers?: Record<string, string>
}

export interface RunningSimulator {
  /** `http://127.0.0.1:PORT` */
  readonly origin: string
  /** Every request received, for asserting what was (not) sent. */
  readonly requests: SimulatorRequest[]
  close(): Promise<void>
}

export interface SimulatorOptions {
  /** Serve HTTPS with this certificate (for an SDK that speaks only https, e.g. mailosaur's request.js). */
  readonly tls?: { readonly key: string; readonly cert: string }
  /** How long each answer waits (a slow network), read per request so a test can change it. */
  readonly delayMs?: () => number
}

/** A loopback HTTP(S) server answering JSON, standing in for one provider's API. */
export async function startSimulator(
  handle: (request: SimulatorRequest) => Reply | Promise<Reply>,
  options: SimulatorOptions = {},
): Promise<RunningSimulator> {
  const requests: SimulatorRequest[] = []
  const listener = (incoming: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = []
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk))
    incoming.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8')
      let body: unknown
      try {
        body = text === '' ? null : (JSON.parse(text) as unknown)
      } catch {
        body = text
      }
      const url = new URL(incoming.url ?? '/', 'http://x')
      const request = {
        method: incoming.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: incoming.headers,
        body,
        rawBody: text,
        url: incoming.url ?? '/',
      }
      requests.push(request)
      const delay = options.delayMs?.() ?? 0
      const answer =
        delay > 0
          ? new Promise<void>((resolve) => setTimeout(resolve, delay)).then(() => handle(request))
          : handle(request)
      void Promise.resolve(answer).then((reply) => {
        response.writeHead(reply.status, { 'Content-Type': 'application/json', ...reply.headers })
        response.end(reply.raw ?? (reply.body === undefined ? '' : JSON.stringify(reply.body)))
      })
    })
  }
  const server = options.tls === undefined ? createServer(listener) : createTlsServer(options.tls, listener)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    origin: `${options.tls === undefined ? 'http' : 'https'}://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

export function bearer(request: SimulatorRequest): string | undefined {
  const header = request.headers.authorization
  return header?.startsWith('Bearer ') === true ? header.slice('Bearer '.length) : undefined
}

/** A simple per-key sliding window: more than `limit` calls within `windowMs` is rate limited. */
export function rateLimiter(limit: number, windowMs: number): (key: string) => boolean {
  const calls = new Map<string, number[]>()
  return (key) => {
    const now = Date.now()
    const recent = (calls.get(key) ?? []).filter((at) => now - at < windowMs)
    recent.push(now)
    calls.set(key, recent)
    return recent.length > limit
  }
}
