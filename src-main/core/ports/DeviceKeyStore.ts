/**
 * The OS keychain, for "unlock with this device" (Electron safeStorage in the app). Implementations report
 * `available: false` where the protection is not real (Linux's basic_text backend).
 */
export interface DeviceKeyStore {
  isAvailable(): boolean
  encrypt(plaintext: Buffer): Buffer
  decrypt(ciphertext: Buffer): Buffer
}
