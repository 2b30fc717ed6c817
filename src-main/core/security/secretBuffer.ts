import { randomFillSync } from 'node:crypto'

/** A fresh, unpooled buffer of random bytes (pooled buffers share memory we could not zero-fill). */
export function randomSecret(length: number): Buffer {
  return randomFillSync(Buffer.alloc(length))
}

/** Overwrites key material in place; called on lock and after every temporary use. */
export function wipe(...buffers: (Uint8Array | undefined)[]): void {
  for (const buffer of buffers) buffer?.fill(0)
}
