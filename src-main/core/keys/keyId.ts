/**
 * A key's stable id (a UUID). The core is addressed by it; `provider/name` refs are the CLI's way of naming keys
 * and are resolved once, at the CLI's edge (keyRef.ts). Branded so a ref can never be passed where an id is meant.
 */
export type KeyId = string & { readonly __brand: 'KeyId' }

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** An id from outside (IPC, a pending-rotation file): checked for shape; whether the key exists is another matter. */
export function parseKeyId(value: string): KeyId | null {
  return UUID.test(value) ? (value as KeyId) : null
}
