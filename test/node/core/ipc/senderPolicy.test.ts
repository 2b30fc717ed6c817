import { describe, expect, it } from 'vitest'
import { originOf, trustOrigins } from '../../../../src-main/core/ipc/senderPolicy'

describe('originOf', () => {
  it('gives scheme://host for custom schemes, where URL.origin is "null"', () => {
    expect(new URL('app://keyward/index.html').origin).toBe('null')
    expect(originOf('app://keyward/index.html')).toBe('app://keyward')
  })

  it('keeps the port, and rejects URLs without a host', () => {
    expect(originOf('http://127.0.0.1:5173/x')).toBe('http://127.0.0.1:5173')
    expect(originOf('file:///etc/passwd')).toBeNull()
    expect(originOf('not a url')).toBeNull()
  })
})

describe('trustOrigins', () => {
  const policy = trustOrigins(['app://keyward', 'http://localhost:5173'])

  it('trusts pages of the listed origins only', () => {
    expect(policy.isTrusted('app://keyward/index.html#/keys')).toBe(true)
    expect(policy.isTrusted('http://localhost:5173/')).toBe(true)
    expect(policy.isTrusted('http://localhost:5174/')).toBe(false)
    expect(policy.isTrusted('https://localhost:5173/')).toBe(false)
    expect(policy.isTrusted('app://keyward.attacker/index.html')).toBe(false)
    expect(policy.isTrusted(undefined)).toBe(false)
  })
})
