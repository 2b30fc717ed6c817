import { createCipheriv, createDecipheriv, createHmac, hkdfSync } from 'node:crypto'
import { KeywardError } from '../errors'
import { randomSecret } from '../security/secretBuffer'

const NONCE_BYTES = 12
const TAG_BYTES = 16

/** AES-256-GCM: nonce ‖ ciphertext ‖ tag. `aad` binds the box to where it belongs (a slot, a row). */
export function seal(key: Uint8Array, plaintext: Uint8Array, aad: string): Buffer {
  const nonce = randomSecret(NONCE_BYTES)
  const cipher = createCipheriv('aes-256-gcm', key, nonce)
  cipher.setAAD(Buffer.from(aad, 'utf8'))
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()])
  return Buffer.concat([nonce, body, cipher.getAuthTag()])
}

/** Opens a box made by `seal`; a wrong key, a wrong AAD or any flipped bit gives null. */
export function unseal(key: Uint8Array, box: Uint8Array, aad: string): Buffer | null {
  if (box.length < NONCE_BYTES + TAG_BYTES) return null
  const data = Buffer.from(box.buffer, box.byteOffset, box.byteLength)
  const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, NONCE_BYTES))
  decipher.setAAD(Buffer.from(aad, 'utf8'))
  decipher.setAuthTag(data.subarray(data.length - TAG_BYTES))
  try {
    return Buffer.concat([decipher.update(data.subarray(NONCE_BYTES, data.length - TAG_BYTES)), decipher.final()])
  } catch {
    return null
  }
}

/** Opens a box the vault itself wrote; failure means the data was damaged, not that a password was wrong. */
export function unsealOrCorrupt(key: Uint8Array, box: Uint8Array, aad: string): Buffer {
  const opened = unseal(key, box, aad)
  if (opened === null)
    throw new KeywardError(
      'VAULT_CORRUPT',
      `An encrypted value (${aad}) failed its integrity check. Restore a backup.`,
      { action: 'restore-backup', backup: null },
    )
  return opened
}

/** A 32-byte subkey of `key` for one purpose (HKDF-SHA256), so no key is used for two jobs. */
export function deriveSubkey(key: Uint8Array, purpose: string, salt: Uint8Array = Buffer.alloc(0)): Buffer {
  return Buffer.from(hkdfSync('sha256', key, salt, `keyward:${purpose}`, 32))
}

/** HMAC-SHA256 of a secret value under the fingerprint key: equal values give equal fingerprints, nothing else. */
export function fingerprint(key: Uint8Array, value: string): string {
  return createHmac('sha256', key).update(value, 'utf8').digest('hex')
}

/** A sealed value's AAD: the id of its `secret_versions` row, so a box cannot be moved to another row. */
export function secretAad(secretId: string): string {
  return `secret:${secretId}`
}
