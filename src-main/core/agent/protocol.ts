import { createHmac, timingSafeEqual } from 'node:crypto'
import type { PairParts } from '../dotenv/pairVariables'
import type { ErrorCode } from '../errors'

/**
 * The agent protocol, version 1 (../shared/design/agent.md §A4.3–A4.5). Requests carry refs, never secrets; only
 * `get` and `values` answers carry values. Validation is by hand: the CLI's fast path must not load zod.
 */
export const PROTOCOL_VERSION = 1

/** Why values are asked for: shown in the approval prompt and recorded in the audit trail. */
export type Purpose =
  | { readonly kind: 'get' }
  | { readonly kind: 'copy' }
  | { readonly kind: 'run'; readonly command: string }
  | { readonly kind: 'env-inject'; readonly file: string }
  | { readonly kind: 'shell' }

export type Selection = { readonly refs: readonly string[] } | { readonly environment: string }

export type Request =
  | { readonly op: 'status' }
  | {
      readonly op: 'list'
      readonly provider?: string
      readonly environment?: string
      /** Only keys with this tag; only keys in this state (a KeyStateKind, or "attention"). */
      readonly tag?: string
      readonly status?: string
    }
  | { readonly op: 'search'; readonly query: string; readonly limit: number }
  /** Values of keys. `variables`: each needs its env var name, none shared (run, env files). */
  | { readonly op: 'values'; readonly selection: Selection; readonly purpose: Purpose; readonly variables: boolean }
  | { readonly op: 'env-write'; readonly file: string; readonly selection: Selection; readonly dryRun: boolean }
  | { readonly op: 'lock' }

export type Operation = Request['op']

/** One key's value as the agent hands it out (or one public part of a pair, under its own variable). */
export interface ValueOf {
  readonly ref: string
  readonly variable: string | null
  readonly value: string
  /** Asked without variables: a pair's public parts, named by the caller after the secret's variable. */
  readonly pair?: PairParts
}

export interface AgentStatus {
  readonly host: 'desktop' | 'headless'
  readonly state: 'locked' | 'unlocked'
  readonly vaultDir: string
  readonly pid: number
  /** Headless: when the agent locks and exits at the latest (ISO). */
  readonly until: string | null
}

/** An answer: a value, or the contract's error shape (VAULT_LOCKED, DENIED, NOT_FOUND, INVALID_INPUT…). */
export type Response =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: { readonly code: ErrorCode; readonly message: string } }

export interface Hello {
  readonly v: number
  readonly t: 'hello'
  readonly client: string
  readonly nonce: string
  readonly mac: string
}

/** Each side proves it read the per-start cookie by a MAC over the client's nonce, with its own label. */
export function handshakeMac(cookie: Buffer, side: 'client' | 'server', nonce: string): string {
  return createHmac('sha256', cookie).update(`kw-agent/1 ${side} ${nonce}`).digest('base64')
}

export function macMatches(expected: string, given: unknown): boolean {
  if (typeof given !== 'string') return false
  const a = Buffer.from(expected)
  const b = Buffer.from(given)
  return a.length === b.length && timingSafeEqual(a, b)
}

type Fields = Record<string, unknown>

const isObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function text(fields: Fields, name: string, max = 4096): string {
  const value = fields[name]
  if (typeof value !== 'string' || value.length === 0 || value.length > max)
    throw new BadRequest(`${name} is not valid`)
  return value
}

function optionalText(fields: Fields, name: string): string | undefined {
  return fields[name] === undefined ? undefined : text(fields, name, 256)
}

export class BadRequest extends Error {
  override readonly name = 'BadRequest'
}

function selectionOf(value: unknown): Selection {
  if (!isObject(value)) throw new BadRequest('selection is not valid')
  if (value.environment !== undefined) return { environment: text(value, 'environment', 256) }
  const refs = value.refs
  if (!Array.isArray(refs) || refs.length === 0 || refs.length > 1000) throw new BadRequest('refs is not valid')
  return { refs: refs.map((ref: unknown) => text({ ref }, 'ref', 512)) }
}

function purposeOf(value: unknown): Purpose {
  if (!isObject(value)) throw new BadRequest('purpose is not valid')
  switch (value.kind) {
    case 'get':
    case 'copy':
    case 'shell':
      return { kind: value.kind }
    case 'run':
      return { kind: 'run', command: text(value, 'command') }
    case 'env-inject':
      return { kind: 'env-inject', file: absolutePath(value, 'file') }
    default:
      throw new BadRequest('purpose is not valid')
  }
}

function absolutePath(fields: Fields, name: string): string {
  const value = text(fields, name)
  if (!value.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(value)) throw new BadRequest(`${name} must be absolute`)
  return value
}

/**
 * How a request is served: `wait` for the app to be unlocked; `quiet` never asks the person — without a grant for
 * this terminal already, the answer is DENIED (shell completion must not pop a dialog at every Tab).
 */
export interface ServeOptions {
  readonly wait: boolean
  readonly quiet: boolean
}

/** A client's request frame, checked field by field; anything else is BAD_REQUEST. */
export function parseRequest(frame: unknown): { id: number; request: Request } & ServeOptions {
  if (!isObject(frame) || frame.t !== 'req') throw new BadRequest('not a request')
  const id = frame.id
  if (typeof id !== 'number' || !Number.isSafeInteger(id)) throw new BadRequest('id is not valid')
  const wait = frame.wait === true
  const quiet = frame.quiet === true
  switch (frame.op) {
    case 'status':
    case 'lock':
      return { id, wait, quiet, request: { op: frame.op } }
    case 'list':
      return {
        id,
        wait,
        quiet,
        request: {
          op: 'list',
          provider: optionalText(frame, 'provider'),
          environment: optionalText(frame, 'environment'),
          tag: optionalText(frame, 'tag'),
          status: optionalText(frame, 'status'),
        },
      }
    case 'search': {
      const limit = frame.limit
      if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > 10_000)
        throw new BadRequest('limit is not valid')
      return { id, wait, quiet, request: { op: 'search', query: text(frame, 'query', 256), limit } }
    }
    case 'values':
      return {
        id,
        wait,
        quiet,
        request: {
          op: 'values',
          selection: selectionOf(frame.selection),
          purpose: purposeOf(frame.purpose),
          variables: frame.variables === true,
        },
      }
    case 'env-write':
      return {
        id,
        wait,
        quiet,
        request: {
          op: 'env-write',
          file: absolutePath(frame, 'file'),
          selection: selectionOf(frame.selection),
          dryRun: frame.dryRun === true,
        },
      }
    default:
      throw new BadRequest('unknown operation')
  }
}
