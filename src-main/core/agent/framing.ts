/**
 * The agent's wire format: each frame is a 4-byte big-endian length, then that many bytes of UTF-8 JSON
 * (../shared/design/agent.md §A4.5). A reader takes chunks as the socket delivers them — split or merged — and
 * refuses, before buffering it, any frame longer than its limit.
 */

/** A client's frames (hello, requests): nothing it sends needs more (Bitwarden's credential agent uses the same). */
export const MAX_REQUEST_BYTES = 64 * 1024
/** The agent's answers: a list of 10,000 keys' metadata fits. */
export const MAX_RESPONSE_BYTES = 16 * 1024 * 1024

export class FrameError extends Error {
  override readonly name = 'FrameError'
}

export function encodeFrame(message: unknown): Buffer {
  const body = Buffer.from(JSON.stringify(message), 'utf8')
  const head = Buffer.alloc(4)
  head.writeUInt32BE(body.length, 0)
  return Buffer.concat([head, body])
}

/** Collects chunks and hands back every whole frame, parsed; throws FrameError on an oversize length or bad JSON. */
export class FrameReader {
  private buffered: Buffer = Buffer.alloc(0)

  constructor(private readonly maxBytes: number) {}

  push(chunk: Buffer): unknown[] {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk])
    const frames: unknown[] = []
    while (this.buffered.length >= 4) {
      const length = this.buffered.readUInt32BE(0)
      if (length > this.maxBytes) throw new FrameError(`A frame of ${length} bytes is over the ${this.maxBytes} limit.`)
      if (this.buffered.length < 4 + length) break
      const body = this.buffered.subarray(4, 4 + length).toString('utf8')
      this.buffered = this.buffered.subarray(4 + length)
      try {
        frames.push(JSON.parse(body))
      } catch {
        throw new FrameError('A frame did not hold JSON.')
      }
    }
    return frames
  }

  /** Bytes received that do not yet make a whole frame. */
  get pending(): number {
    return this.buffered.length
  }
}
