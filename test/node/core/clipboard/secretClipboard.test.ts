import { describe, expect, it, vi } from 'vitest'
import { copyText, envBlock } from '../../../../src-main/core/clipboard/copyFormats'
import { SecretClipboard } from '../../../../src-main/core/clipboard/secretClipboard'
import { clipboardItemEntries } from '../../../../src-main/core/clipboard/electronClipboardItem'
import { secretClipboardFormats } from '../../../../src-main/core/clipboard/secretFormats'
import type { Clipboard, ClipboardContent } from '../../../../src-main/core/ports/Clipboard'

/** A fake at the Clipboard port: records every write. */
function fakeClipboard(): Clipboard & { text: string; writes: ClipboardContent[]; clears: number } {
  const fake = {
    text: '',
    writes: [] as ClipboardContent[],
    clears: 0,
    async write(content: ClipboardContent) {
      fake.writes.push(content)
      fake.text = content.text
    },
    readText: async () => fake.text,
    clear() {
      fake.clears += 1
      fake.text = ''
    },
  }
  return fake
}

describe('SecretClipboard', () => {
  it('a guard that adopts a copy by its hash clears it only while the clipboard still holds it', async () => {
    const clipboard = fakeClipboard()
    await new SecretClipboard(clipboard, globalThis, 'linux').copy('sk_live_adopted', 0)
    const guard = new SecretClipboard(clipboard, globalThis, 'linux')
    guard.adopt(SecretClipboard.digestOf('sk_live_adopted'))
    expect(await guard.clearIfOurs()).toBe(true)
    expect(clipboard.text).toBe('')
    await clipboard.write({ text: 'copied by the user since', formats: {} })
    guard.adopt(SecretClipboard.digestOf('sk_live_adopted'))
    expect(await guard.clearIfOurs()).toBe(false)
    expect(clipboard.text).toBe('copied by the user since')
  })

  it('clears after the delay if the clipboard still holds the secret', async () => {
    vi.useFakeTimers()
    try {
      const clipboard = fakeClipboard()
      await new SecretClipboard(clipboard, globalThis, 'linux').copy('sk_live_secret', 20_000)
      await vi.advanceTimersByTimeAsync(19_999)
      expect(clipboard.text).toBe('sk_live_secret')
      await vi.advanceTimersByTimeAsync(1)
      expect(clipboard.text).toBe('')
    } finally {
      vi.useRealTimers()
    }
  })

  it('leaves what the user copied since alone', async () => {
    vi.useFakeTimers()
    try {
      const clipboard = fakeClipboard()
      await new SecretClipboard(clipboard, globalThis, 'linux').copy('sk_live_secret', 20_000)
      clipboard.text = 'something the user copied'
      await vi.advanceTimersByTimeAsync(20_000)
      expect(clipboard.text).toBe('something the user copied')
      expect(clipboard.clears).toBe(0)
    } finally {
      vi.useRealTimers()
    }
  })

  it('clears at once on lock or quit, and never with a delay of 0 otherwise', async () => {
    vi.useFakeTimers()
    try {
      const clipboard = fakeClipboard()
      const secret = new SecretClipboard(clipboard, globalThis, 'linux')
      await secret.copy('sk_live_secret', 0)
      await vi.advanceTimersByTimeAsync(3_600_000)
      expect(clipboard.text).toBe('sk_live_secret')
      expect(await secret.clearIfOurs()).toBe(true)
      expect(clipboard.text).toBe('')
      expect(await secret.clearIfOurs()).toBe(false)
    } finally {
      vi.useRealTimers()
    }
  })

  it('writes the platform hints that keep secrets out of clipboard history', async () => {
    for (const [platform, expected] of [
      ['darwin', { 'org.nspasteboard.ConcealedType': '' }],
      ['linux', { 'x-kde-passwordManagerHint': '736563726574' }],
      [
        'win32',
        {
          ExcludeClipboardContentFromMonitorProcessing: '',
          CanIncludeInClipboardHistory: '00000000',
          CanUploadToCloudClipboard: '00000000',
        },
      ],
    ] as const) {
      const clipboard = fakeClipboard()
      await new SecretClipboard(clipboard, globalThis, platform).copy('v', 0)
      const formats = clipboard.writes[0]?.formats ?? {}
      expect(
        Object.fromEntries(Object.entries(formats).map(([name, data]) => [name, data.toString('hex')])),
        platform,
      ).toEqual(expected)
    }
    expect(secretClipboardFormats('freebsd')).toHaveProperty('x-kde-passwordManagerHint')
  })
})

describe('copy formats', () => {
  it('gives the value, a VAR=value line, or a .env block that dotenv reads back exactly', () => {
    expect(copyText('value', 'a b', 'K')).toBe('a b')
    expect(copyText('env', 'a b', 'K')).toBe("K='a b'")
    expect(() => copyText('env', 'v', null)).toThrow(/env var name/)
    expect(
      envBlock([
        { envVar: 'A', value: 'x' },
        { envVar: 'B', value: 'y z' },
      ]),
    ).toBe("A=x\nB='y z'\n")
  })
})

describe('the Electron ClipboardItem for a copy', () => {
  it.each(['darwin', 'win32', 'linux'] as const)(
    'on %s carries the text and each hint as a raw OS format, never as a MIME type',
    (platform) => {
      const entries = clipboardItemEntries({ text: 'sk_live_x', formats: secretClipboardFormats(platform) })
      expect(entries['text/plain']).toBe('sk_live_x')
      const raw = Object.keys(entries).filter((type) => type !== 'text/plain')
      expect(raw.length).toBe(Object.keys(secretClipboardFormats(platform)).length)
      for (const type of raw) expect(type).toMatch(/^electron application\/osclipboard;format="[^"]+"$/)
    },
  )

  it('maps the documented names and payloads exactly', () => {
    expect(clipboardItemEntries({ text: 't', formats: secretClipboardFormats('darwin') })).toEqual({
      'text/plain': 't',
      'electron application/osclipboard;format="org.nspasteboard.ConcealedType"': new Uint8Array(0),
    })
    const windows = clipboardItemEntries({ text: 't', formats: secretClipboardFormats('win32') })
    expect(windows['electron application/osclipboard;format="CanIncludeInClipboardHistory"']).toEqual(
      new Uint8Array([0, 0, 0, 0]),
    )
    expect(
      clipboardItemEntries({ text: 't', formats: secretClipboardFormats('linux') })[
        'electron application/osclipboard;format="x-kde-passwordManagerHint"'
      ],
    ).toEqual(new Uint8Array(Buffer.from('secret')))
  })
})
