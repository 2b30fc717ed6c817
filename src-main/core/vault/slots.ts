import { KeywardError } from '../errors'
import type { DeviceKeyStore } from '../ports/DeviceKeyStore'
import { slotAad, type VaultHeader } from './header'
import { derivePasswordKey, type KdfParams } from './passwordKdf'
import { normalizeRecoveryCode } from './recoveryCode'
import { deriveSubkey, seal, unseal } from './sealing'
import { randomSecret, wipe } from '../security/secretBuffer'

type Ids = Pick<VaultHeader, 'vaultId'>

/** The database key wrapped by the password's Argon2id key. */
export async function passwordSlot(ids: Ids & { kdf: KdfParams }, password: string, databaseKey: Buffer) {
  const kek = await derivePasswordKey(password, ids.kdf)
  try {
    return { wrappedKey: seal(kek, databaseKey, slotAad(ids, 'password')).toString('base64') }
  } finally {
    wipe(kek)
  }
}

/**
 * The database key under the password, or null when the password is wrong. `which: 'rekey'` opens the new slot of
 * a password change still recorded in the header (rekey.ts), which becomes the password slot once finished.
 */
export async function openPasswordSlot(
  header: VaultHeader,
  password: string,
  which: 'current' | 'rekey' = 'current',
): Promise<Buffer | null> {
  const source =
    which === 'current'
      ? { kdf: header.kdf, slot: header.slots.password }
      : header.rekey === undefined
        ? null
        : { kdf: header.rekey.kdf, slot: header.rekey.slots.password }
  if (source === null) return null
  const kek = await derivePasswordKey(password, source.kdf)
  try {
    return unseal(kek, Buffer.from(source.slot.wrappedKey, 'base64'), slotAad(header, 'password'))
  } finally {
    wipe(kek)
  }
}

function recoveryKey(code: string, salt: Buffer): Buffer {
  return deriveSubkey(Buffer.from(normalizeRecoveryCode(code), 'utf8'), 'recovery-slot', salt)
}

/** The database key wrapped by the recovery code (HKDF: the code carries 150 bits, a slow KDF adds nothing). */
export function recoverySlot(ids: Ids, code: string, databaseKey: Buffer) {
  const salt = randomSecret(16)
  const key = recoveryKey(code, salt)
  try {
    return {
      salt: salt.toString('base64'),
      wrappedKey: seal(key, databaseKey, slotAad(ids, 'recovery')).toString('base64'),
    }
  } finally {
    wipe(key)
  }
}

export function openRecoverySlot(
  header: VaultHeader,
  code: string,
  which: 'current' | 'rekey' = 'current',
): Buffer | null {
  const slot = which === 'current' ? header.slots.recovery : header.rekey?.slots.recovery
  if (slot === undefined) return null
  const key = recoveryKey(code, Buffer.from(slot.salt, 'base64'))
  try {
    return unseal(key, Buffer.from(slot.wrappedKey, 'base64'), slotAad(header, 'recovery'))
  } finally {
    wipe(key)
  }
}

/**
 * The database key in a GCM box bound to this vault, whose key is sealed by the OS keychain: the keychain never
 * sees the database key itself, and a slot copied to another vault does not open it.
 */
export function deviceSlot(ids: Ids, store: DeviceKeyStore, databaseKey: Buffer) {
  if (!store.isAvailable()) {
    throw new KeywardError(
      'INVALID_INPUT',
      'This system offers no protected keychain (on Linux: no Secret Service or KWallet), so device unlock is unavailable.',
    )
  }
  const boxKey = randomSecret(32)
  try {
    return {
      keychainSealedKey: store.encrypt(boxKey).toString('base64'),
      wrappedKey: seal(boxKey, databaseKey, slotAad(ids, 'device')).toString('base64'),
    }
  } finally {
    wipe(boxKey)
  }
}

/** The database key from the device slot, or null on any failure (the caller falls back to the password). */
export function openDeviceSlot(header: VaultHeader, store: DeviceKeyStore): Buffer | null {
  const slot = header.slots.device
  if (slot === undefined) return null
  let boxKey: Buffer | undefined
  try {
    if (!store.isAvailable()) return null
    boxKey = store.decrypt(Buffer.from(slot.keychainSealedKey, 'base64'))
    return unseal(boxKey, Buffer.from(slot.wrappedKey, 'base64'), slotAad(header, 'device'))
  } catch {
    return null
  } finally {
    wipe(boxKey)
  }
}
