// The agent's framing under any split, merge, oversize length and garbage: whole frames come out in order, and
// anything else is a FrameError (the server closes that connection) — never a crash, never a partial frame.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { encodeFrame, FrameError, FrameReader, MAX_REQUEST_BYTES } from '../../../../src-main/core/agent/framing'

const json = fc.jsonValue({ maxDepth: 3 })

/** Cuts a buffer at the given points (sorted, deduplicated), as a socket may deliver it. */
function cut(bytes: Buffer, points: number[]): Buffer[] {
  const at = [...new Set(points.map((point) => point % (bytes.length + 1)))].sort((a, b) => a - b)
  const pieces: Buffer[] = []
  let from = 0
  for (const point of [...at, bytes.length]) {
    pieces.push(bytes.subarray(from, point))
    from = point
  }
  return pieces
}

describe('agent framing', () => {
  it('gives back every message, in order, however the bytes are split or merged', () => {
    fc.assert(
      fc.property(
        fc.array(json, { minLength: 1, maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 20 }),
        (messages, points) => {
          const bytes = Buffer.concat(messages.map(encodeFrame))
          const reader = new FrameReader(MAX_REQUEST_BYTES)
          const out = cut(bytes, points).flatMap((piece) => reader.push(piece))
          expect(out).toEqual(messages.map((message) => JSON.parse(JSON.stringify(message)) as unknown))
          expect(reader.pending).toBe(0)
        },
      ),
    )
  })

  it('refuses a length over the limit before buffering the body', () => {
    const head = Buffer.alloc(4)
    head.writeUInt32BE(MAX_REQUEST_BYTES + 1)
    expect(() => new FrameReader(MAX_REQUEST_BYTES).push(head)).toThrow(FrameError)
  })

  it('never throws anything but FrameError on random bytes, and never returns a partial frame', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const reader = new FrameReader(256)
        try {
          for (const frame of reader.push(Buffer.from(bytes))) expect(frame).not.toBeUndefined()
        } catch (error) {
          expect(error).toBeInstanceOf(FrameError)
        }
      }),
    )
  })
})
