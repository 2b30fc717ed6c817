import { describe, expect, it } from 'vitest'
import { newRecoveryCode, normalizeRecoveryCode } from '../../../../src-main/core/vault/recoveryCode'

describe('recovery codes', () => {
  it('are six groups of five Crockford base32 characters, different every time', () => {
    const code = newRecoveryCode()
    expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){5}[0-9A-HJKMNP-TV-Z]{5}$/)
    expect(newRecoveryCode()).not.toBe(code)
  })

  it('accept any case, spacing, and the look-alikes O/0 and I/L/1 when typed back', () => {
    expect(normalizeRecoveryCode('abcde fghjk-mnpqr stvwx yz012 3o4il')).toBe('ABCDE-FGHJK-MNPQR-STVWX-YZ012-30411')
  })

  it('reject the wrong length or letters outside the alphabet', () => {
    expect(() => normalizeRecoveryCode('ABCDE')).toThrow(/30 letters/)
    expect(() => normalizeRecoveryCode('UUUUU-UUUUU-UUUUU-UUUUU-UUUUU-UUUUU')).toThrow(/30 letters/)
  })
})
