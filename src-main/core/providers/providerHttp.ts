import aws4 from 'aws4'
import { KeywardError } from '../errors'
import { isLoopback, parseUrl } from '../security/parseUrl'
import { concurrencyLimit } from './concurrencyLimit'
import { baseUrlFor, type AuthScheme, type ProviderDefinition } from './providerDefinition'

export interface ProviderResponse {
  readonly status: number
  readonly body: unknown
}

export interface HttpDeps {
  readonly fetch: typeof fetch
  readonly sleep: (ms: number) => Promise<void>
  readonly env: Readonly<Record<string, string | undefined>>
  /** Default time allowed per request (15 s). */
  readonly timeoutMs?: number
  /** Aborts the call (the vault service aborts work in flight when the vault locks). */
  readonly signal?: AbortSignal
}

/** A call, not a property read: the signal changes while we await, which TypeScript's narrowing cannot know. */
function isAborted(signal: AbortSignal): boolean {
  return signal.aborted
}

/** The abort's reason when it is one of ours (VAULT_LOCKED), else CANCELLED. */
function aborted(signal: AbortSignal): KeywardError {
  return signal.reason instanceof KeywardError
    ? signal.reason
    : new KeywardError('CANCELLED', 'The provider call was cancelled.')
}

export interface RequestOptions {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'DELETE'
  /** Appended to the base URL; must stay on its origin. */
  readonly path: string
  readonly key: string
  readonly body?: unknown
  readonly timeoutMs?: number
  /** Status codes the caller handles itself instead of getting an error (e.g. 404 for "no such key"). */
  readonly accept?: readonly number[]
  /** The public half of a pair credential (AWS access key id, Twilio API key SID). */
  readonly keyId?: string
  /** The key's region, where the provider documents regional hosts (SendGrid's `eu`). */
  readonly region?: string
  /** Headers the API needs besides the credentials (`anthropic-version`). */
  readonly headers?: Readonly<Record<string, string>>
  /** An application/x-www-form-urlencoded body (AWS STS's query protocol). */
  readonly form?: Readonly<Record<string, string>>
  /** A JSON body that carries the key itself (GitHub's, Doppler's and Perplexity's revocation endpoints). */
  readonly bodyWithKey?: (key: string) => unknown
  /** false: no credentials in the headers (GitHub's credential revocation takes the token in the body only). */
  readonly authenticated?: boolean
}

const MAX_ATTEMPTS = 4
const MAX_RETRY_WAIT_MS = 10_000
const MAX_REDIRECTS = 3
const concurrencyByProvider: Record<string, number> = { 'elastic-email': 20, aisoule: 10, 'solenoid-meter': 10 }
const limiters = new Map<string, <T>(task: () => Promise<T>) => Promise<T>>()

function limiterFor(providerId: string) {
  let limiter = limiters.get(providerId)
  if (limiter === undefined) {
    limiter = concurrencyLimit(concurrencyByProvider[providerId] ?? 4)
    limiters.set(providerId, limiter)
  }
  return limiter
}

/** https, or plain http to this machine only (the simulators). */
function checkTransport(url: URL, provider: ProviderDefinition): void {
  if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname))) return
  throw new KeywardError(
    'INVALID_INPUT',
    `${provider.name}'s base URL must use https (plain http only to 127.0.0.1/localhost): ${url.origin}`,
  )
}

interface Outgoing {
  readonly method: string
  readonly url: URL
  readonly body: string | undefined
  readonly headers: Readonly<Record<string, string>>
}

function needsKeyId(provider: ProviderDefinition, keyId: string | undefined): string {
  if (keyId !== undefined && keyId !== '') return keyId
  const field = provider.pair?.field ?? 'id'
  throw new KeywardError(
    'INVALID_INPUT',
    `This ${provider.name} key has no ${provider.pair?.label ?? 'id'} recorded: record it with the key.`,
    { action: 'give-pair-id', field },
  )
}

/** The credential headers for one request; SigV4 signs the request itself, so it is computed per request. */
function authHeaders(
  provider: ProviderDefinition,
  auth: AuthScheme,
  key: string,
  keyId: string | undefined,
  request: Outgoing,
): Record<string, string> {
  switch (auth.kind) {
    case 'bearer':
      return { Authorization: `Bearer ${key}` }
    case 'header':
      return { [auth.header]: key }
    case 'basic-key-as-user':
      return { Authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}` }
    case 'basic-pair':
      return { Authorization: `Basic ${Buffer.from(`${needsKeyId(provider, keyId)}:${key}`).toString('base64')}` }
    case 'aws-sigv4': {
      // aws4 (a library made for SigV4) signs method, host, path, query, the signed headers and the body's hash.
      const signed = aws4.sign(
        {
          host: request.url.host,
          path: `${request.url.pathname}${request.url.search}`,
          method: request.method,
          service: auth.service,
          region: auth.region,
          headers: { ...request.headers },
          body: request.body,
        },
        { accessKeyId: needsKeyId(provider, keyId), secretAccessKey: key },
      )
      const headers = Object.entries(signed.headers ?? {}).filter(
        ([name]) => name.toLowerCase() !== 'host' && name.toLowerCase() !== 'content-length',
      )
      return Object.fromEntries(headers.map(([name, value]) => [name, String(value)]))
    }
  }
}

function requestBody(options: RequestOptions): { body?: string; contentType?: string } {
  if (options.form !== undefined)
    return {
      body: new URLSearchParams({ ...options.form }).toString(),
      contentType: 'application/x-www-form-urlencoded; charset=utf-8',
    }
  const json = options.bodyWithKey?.(options.key) ?? options.body
  return json === undefined ? {} : { body: JSON.stringify(json), contentType: 'application/json' }
}

/** Retry-After in seconds or as an HTTP date; capped so a provider cannot park us. */
function retryAfterMs(header: string | null, attempt: number): number {
  const seconds =
    header !== null && /^\d+$/.test(header.trim())
      ? Number(header) * 1000
      : header !== null
        ? Date.parse(header) - Date.now()
        : Number.NaN
  const fallback = 500 * 2 ** attempt
  return Math.min(MAX_RETRY_WAIT_MS, Number.isFinite(seconds) && seconds >= 0 ? seconds : fallback)
}

/** No key API answers with more; a body past this is refused, not buffered. */
export const MAX_BODY_BYTES = 1024 * 1024

/**
 * The body as text, read under the request's own signal (a body that stalls after its headers times out like a
 * silent server) and never past MAX_BODY_BYTES.
 */
async function readCapped(response: Response, provider: ProviderDefinition): Promise<string> {
  if (response.body === null) return ''
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => undefined)
      fail(
        'PROVIDER_BAD_RESPONSE',
        `${provider.name} answered with more than ${MAX_BODY_BYTES / 1024 / 1024} MiB; Keyward did not read it.`,
      )
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks).toString('utf8')
}

function fail(code: ConstructorParameters<typeof KeywardError>[0], message: string): never {
  throw new KeywardError(code, message)
}

/** Where a redirect points, resolved against the request's URL; null when its Location is missing or no URL. */
function redirectTarget(location: string | null, from: URL): URL | null {
  if (location === null) return null
  try {
    return parseUrl(new URL(location, from).href)
  } catch {
    return null
  }
}

/**
 * Calls a provider's key API with the key in the provider's auth scheme. The key goes only to the configured
 * origin: redirects are followed by hand and only within it. Timeouts, 429 with Retry-After (bounded), a
 * per-provider concurrency cap, and errors that name the provider and the reason — never the key.
 */
export async function providerRequest(
  provider: ProviderDefinition,
  options: RequestOptions,
  deps: HttpDeps,
): Promise<ProviderResponse> {
  const base = baseUrlFor(provider, deps.env, options.region ?? null)
  if (base === null || provider.auth === null)
    fail('INVALID_INPUT', `${provider.name} has no key API Keyward can call.`)
  const baseUrl = parseUrl(base) ?? fail('INVALID_INPUT', `${provider.name}'s base URL is not a URL.`)
  checkTransport(baseUrl, provider)
  let url =
    parseUrl(`${base}${options.path.startsWith('/') ? '' : '/'}${options.path}`) ??
    fail('INVALID_INPUT', 'Bad API path.')
  if (url.origin !== baseUrl.origin)
    fail('INVALID_INPUT', `Refusing to send a ${provider.name} key outside ${baseUrl.origin}.`)
  const auth = provider.auth
  const { body, contentType } = requestBody(options)
  const method = options.method ?? 'GET'
  const plainHeaders = {
    Accept: 'application/json',
    ...options.headers,
    ...(contentType === undefined ? {} : { 'Content-Type': contentType }),
  }
  const headersFor = (target: URL) => ({
    ...plainHeaders,
    ...(options.authenticated === false
      ? {}
      : authHeaders(provider, auth, options.key, options.keyId, { method, url: target, body, headers: plainHeaders })),
  })

  return limiterFor(provider.id)(async () => {
    let redirects = 0
    for (let attempt = 0; ; attempt++) {
      if (deps.signal !== undefined && isAborted(deps.signal)) throw aborted(deps.signal)
      const timeout = AbortSignal.timeout(options.timeoutMs ?? deps.timeoutMs ?? 15_000)
      // Outside the try: a missing pair id is the caller's error, not an unreachable provider.
      const headers = headersFor(url)
      let response: Response
      try {
        response = await deps.fetch(url, {
          method,
          headers,
          body,
          redirect: 'manual',
          signal: deps.signal === undefined ? timeout : AbortSignal.any([timeout, deps.signal]),
        })
      } catch (error) {
        if (deps.signal !== undefined && isAborted(deps.signal)) throw aborted(deps.signal)
        if ((error as Error).name === 'TimeoutError')
          fail(
            'PROVIDER_TIMEOUT',
            `${provider.name} did not answer within ${((options.timeoutMs ?? deps.timeoutMs ?? 15_000) / 1000).toFixed(1)} s.`,
          )
        fail('PROVIDER_UNREACHABLE', `Could not reach ${provider.name} at ${baseUrl.origin}.`)
      }
      const status = response.status
      if (status >= 300 && status < 400) {
        const target = redirectTarget(response.headers.get('location'), url)
        if (target === null || target.origin !== baseUrl.origin || ++redirects > MAX_REDIRECTS) {
          fail(
            'PROVIDER_REDIRECT',
            `${provider.name} redirected to ${target?.origin ?? 'an invalid address'}; the key was not sent there.`,
          )
        }
        url = target
        attempt -= 1
        continue
      }
      if (status === 429) {
        if (attempt + 1 >= MAX_ATTEMPTS)
          fail(
            'PROVIDER_RATE_LIMITED',
            `${provider.name} is rate limiting this key${provider.rateLimit === null ? '' : ` (${provider.rateLimit})`}. Try again later.`,
          )
        await deps.sleep(retryAfterMs(response.headers.get('retry-after'), attempt))
        continue
      }
      let text: string
      try {
        text = await readCapped(response, provider)
      } catch (error) {
        if (error instanceof KeywardError) throw error
        if (deps.signal !== undefined && isAborted(deps.signal)) throw aborted(deps.signal)
        fail(
          timeout.aborted ? 'PROVIDER_TIMEOUT' : 'PROVIDER_UNREACHABLE',
          `${provider.name} stopped answering mid-response.`,
        )
      }
      if ((status === 401 || status === 403) && !(options.accept ?? []).includes(status)) {
        fail(
          'KEY_REJECTED',
          `${provider.name} rejected the key (HTTP ${status}): it is invalid, revoked or lacks permission.`,
        )
      }
      if (status >= 400 && !(options.accept ?? []).includes(status)) {
        fail(
          'PROVIDER_ERROR',
          `${provider.name} answered HTTP ${status}${status >= 500 ? ' (a problem on their side; try again later)' : ''}.`,
        )
      }
      if (text === '') return { status, body: null }
      try {
        return { status, body: JSON.parse(text) as unknown }
      } catch {
        fail('PROVIDER_BAD_RESPONSE', `${provider.name} answered HTTP ${status} with a body that is not JSON.`)
      }
    }
  })
}
