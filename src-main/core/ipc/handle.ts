import {
  channelNames,
  channels,
  type ChannelName,
  type ErrorInfo,
  type ParsedRequestOf,
  type ResponseOf,
  type Result,
} from '../../../src-preload/contract'
import { requestRefused } from '../issueWords'
import { KeywardError } from '../errors'
import { logError } from '../log'
import type { SenderPolicy } from './senderPolicy'

/** What a handler sees of Electron's `IpcMainInvokeEvent`: only the frame that sent the call. */
export interface InvokeEventLike {
  readonly senderFrame: { readonly url: string } | null | undefined
}

/** The part of Electron's `ipcMain` that `handle()` uses; the end-to-end bridge supplies the same shape. */
export interface MainTransport {
  handle(channel: string, listener: (event: InvokeEventLike, payload: unknown) => Promise<Result<unknown>>): void
}

export type Handler<C extends ChannelName> = (request: ParsedRequestOf<C>) => Promise<ResponseOf<C>>

/** One handler per contract channel: the type makes a missing one a compile error. */
export type Handlers = { readonly [C in ChannelName]: Handler<C> }

function failure(error: ErrorInfo): Result<never> {
  return { ok: false, error }
}

/**
 * Runs one call the way every channel is run: (1) the sender frame must be one of Keyward's own pages, (2) the
 * payload must match the channel's schema, (3) the handler runs, (4) its answer is parsed by the response schema
 * (which drops any field the contract does not declare) and returned as a Result. Nothing is thrown.
 */
export async function runHandler<C extends ChannelName>(
  channel: C,
  handler: Handler<C>,
  policy: SenderPolicy,
  event: InvokeEventLike,
  payload: unknown,
): Promise<Result<ResponseOf<C>>> {
  if (!policy.isTrusted(event.senderFrame?.url)) {
    return failure({
      code: 'FORBIDDEN_SENDER',
      message: `${channel} may only be called by Keyward's own window; this call was refused.`,
    })
  }
  const spec = channels[channel]
  const request = spec.request.safeParse(payload)
  if (!request.success) {
    return failure(requestRefused(request.error.issues))
  }
  try {
    const value = await handler(request.data as ParsedRequestOf<C>)
    return { ok: true, value: spec.response.parse(value) as ResponseOf<C> }
  } catch (error) {
    if (error instanceof KeywardError) return failure(error.toInfo())
    logError(`handler for ${channel}`, error)
    return failure({
      code: 'INTERNAL',
      message: `Keyward hit an internal error in ${channel}. Details are in the log.`,
    })
  }
}

/** Registers one channel on the transport. */
export function handle<C extends ChannelName>(
  transport: MainTransport,
  channel: C,
  handler: Handler<C>,
  policy: SenderPolicy,
): void {
  transport.handle(channel, (event, payload) => runHandler(channel, handler, policy, event, payload))
}

/** Registers every contract channel. */
export function registerHandlers(transport: MainTransport, handlers: Handlers, policy: SenderPolicy): void {
  for (const channel of channelNames) handle(transport, channel, handlers[channel] as Handler<typeof channel>, policy)
}
