import { afterEach, describe, expect, it, vi } from 'vitest'
import { logError } from '../../../src-main/core/log'

afterEach(() => vi.restoreAllMocks())

describe('logError', () => {
  it('writes the context, the error class and stack frames, but never the message', () => {
    const lines: string[] = []
    vi.spyOn(console, 'error').mockImplementation((line: string) => void lines.push(line))
    const canary = 'sk-canary-7f3a9c'
    logError('handler for app:ping', new TypeError(`bad value ${canary}\nsecond line ${canary}`))
    const written = lines.join('\n')
    expect(written).toContain('unexpected TypeError in handler for app:ping')
    expect(written).toMatch(/\n\s+at /)
    expect(written).not.toContain(canary)
  })
})
