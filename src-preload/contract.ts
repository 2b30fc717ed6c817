/**
 * The IPC contract between the renderer and the main process: every channel and event, declared once.
 *
 * Main validates each request against its schema (and strips unknown fields from each response) in the one
 * `handle()` helper; the preload exposes the same list as `window.keyward`; the renderer imports types only.
 * Channel names are `domain:verb`. Nothing is thrown across the boundary: every call resolves to a `Result`.
 */
import { z } from 'zod'

import type { ErrorInfo } from '../src-main/core/errors'

export type { ErrorCode, ErrorHint, ErrorInfo } from '../src-main/core/errors'

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ErrorInfo }

const appInfo = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  arch: z.string(),
  /** Runtime versions, for bug reports. `electron` is null when the handlers run under plain Node (tests). */
  runtime: z.object({ electron: z.string().nullable(), node: z.string(), chrome: z.string().nullable() }),
  /** Where the vault lives unless the user picks another directory: `<OS app-data>/Keyward/vault`. */
  defaultVaultDir: z.string(),
  /** The vault this process opens: `$KEYWARD_VAULT_DIR` when set, else the default. */
  vaultDir: z.string(),
  /** The encrypted storage engine as loaded in this process, or why it could not be loaded. */
  storage: z.union([
    z.object({ ok: z.literal(true), sqlite: z.string(), cipher: z.string() }),
    z.object({ ok: z.literal(false), message: z.string() }),
  ]),
})

const noArguments = z.strictObject({})

/**
 * The names, as plain strings: the preload's allow-lists. Kept apart from the schemas so the sandboxed preload
 * bundles no zod (zod probes `new Function` when a schema is built, which a strict CSP reports as a violation).
 * The `satisfies` clauses below make the compiler reject a name without a schema and a schema without a name.
 */
export const channelNames = ['app:info', 'app:ping'] as const
export const eventNames = ['app:ping'] as const
export type ChannelName = (typeof channelNames)[number]
export type EventName = (typeof eventNames)[number]

interface ChannelSpec {
  readonly request: z.ZodType
  readonly response: z.ZodType
}

/** Request/response schemas per channel. */
export const channels = {
  /** About this installation: version, platform, runtime, default vault directory, storage engine. */
  'app:info': { request: noArguments, response: appInfo },
  /**
   * Asks main to send one `app:ping` event back to the renderer. A connection check for the About screen that
   * also proves the main → renderer event path end to end.
   */
  'app:ping': { request: noArguments, response: z.object({ seq: z.number().int().positive() }) },
} as const satisfies Record<ChannelName, ChannelSpec>

/** Payload schemas of the events main sends to the renderer. */
export const events = {
  /** Sent once for every `app:ping` call, carrying the call's sequence number. */
  'app:ping': z.object({ seq: z.number().int().positive(), sentAt: z.string() }),
} as const satisfies Record<EventName, z.ZodType>

/** What the renderer sends (schema input). */
export type RequestOf<C extends ChannelName> = z.input<(typeof channels)[C]['request']>
/** What a handler receives after validation (schema output). */
export type ParsedRequestOf<C extends ChannelName> = z.output<(typeof channels)[C]['request']>
export type ResponseOf<C extends ChannelName> = z.output<(typeof channels)[C]['response']>
export type EventPayloadOf<E extends EventName> = z.output<(typeof events)[E]>
export type AppInfo = ResponseOf<'app:info'>

/** `window.keyward`, as the preload exposes it to the renderer. */
export interface KeywardApi {
  /** Calls a main-process handler. Never rejects: failures come back as `{ ok: false, error }`. */
  invoke<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>>
  /** Listens for a main → renderer event; returns the function that stops listening. */
  subscribe<E extends EventName>(event: E, listener: (payload: EventPayloadOf<E>) => void): () => void
}
