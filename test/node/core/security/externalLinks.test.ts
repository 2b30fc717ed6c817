import { describe, expect, it } from 'vitest'
import { externalLinkTarget } from '../../../../src-main/core/security/externalLinks'

describe('externalLinkTarget', () => {
  it('passes plain https URLs, normalised', () => {
    expect(externalLinkTarget('https://mailosaur.com/docs/api')).toBe('https://mailosaur.com/docs/api')
    expect(externalLinkTarget('HTTPS://Example.COM/a b')).toBe('https://example.com/a%20b')
  })

  it.each([
    'http://example.com/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://host/share',
    'ms-msdt:/id',
    'app://keyward/index.html',
    'https://user:pass@example.com/',
    'not a url',
    '',
  ])('drops %j', (url) => {
    expect(externalLinkTarget(url)).toBeNull()
  })
})
