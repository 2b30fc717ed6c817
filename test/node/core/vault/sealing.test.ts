import { describe, expect, it } from 'vitest'
import { deriveSubkey, fingerprint, seal, unseal } from '../../../../src-main/core/vault/sealing'
import { randomSecret } from '../../../../src-main/core/security/secretBuffer'

describe('seal / unseal', () => {
  const key = randomSecret(32)
  const box = seal(key, Buffer.from('sk_live_value'), 'secret:row-1')

  it('round-trips with the same key and AAD', () => {
    expect(unseal(key, box, 'secret:row-1')?.toString()).toBe('sk_live_value')
  })

  it('refuses another key, another AAD (a box moved to another row) or a flipped bit', () => {
    expect(unseal(randomSecret(32), box, 'secret:row-1')).toBeNull()
    expect(unseal(key, box, 'secret:row-2')).toBeNull()
    const flipped = Buffer.from(box)
    flipped[20] = (flipped[20] ?? 0) ^ 1
    expect(unseal(key, flipped, 'secret:row-1')).toBeNull()
    expect(unseal(key, box.subarray(0, 10), 'secret:row-1')).toBeNull()
  })

  it('uses a fresh nonce every time', () => {
    expect(seal(key, Buffer.from('x'), 'a').equals(seal(key, Buffer.from('x'), 'a'))).toBe(false)
  })
})

describe('subkeys and fingerprints', () => {
  it('derives different subkeys per purpose and equal fingerprints for equal values only', () => {
    const master = randomSecret(32)
    const a = deriveSubkey(master, 'secret-values')
    const b = deriveSubkey(master, 'value-fingerprints')
    expect(a.equals(b)).toBe(false)
    expect(fingerprint(b, 'v1')).toBe(fingerprint(b, 'v1'))
    expect(fingerprint(b, 'v1')).not.toBe(fingerprint(b, 'v2'))
    expect(fingerprint(b, 'v1')).not.toBe(fingerprint(deriveSubkey(randomSecret(32), 'value-fingerprints'), 'v1'))
  })
})
