import { safeStorage } from 'electron'
import type { DeviceKeyStore } from '../core/ports/DeviceKeyStore'

/**
 * "Unlock with this device" on Electron's safeStorage (Keychain on macOS, DPAPI on Windows, Secret Service or
 * KWallet on Linux). Linux's `basic_text` backend encrypts with a hard-coded key, so it counts as unavailable.
 */
export class SafeStorageDeviceKeyStore implements DeviceKeyStore {
  isAvailable(): boolean {
    if (!safeStorage.isEncryptionAvailable()) return false
    return process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text'
  }

  encrypt(plaintext: Buffer): Buffer {
    // safeStorage takes a string; latin1 maps each byte to one code unit and back without loss.
    return safeStorage.encryptString(plaintext.toString('latin1'))
  }

  decrypt(ciphertext: Buffer): Buffer {
    return Buffer.from(safeStorage.decryptString(ciphertext), 'latin1')
  }
}
