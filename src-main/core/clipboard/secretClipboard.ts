import { createHash } from 'node:crypto'
import type { Clipboard } from '../ports/Clipboard'
import type { Timers } from '../ports/Timers'
import { secretClipboardFormats } from './secretFormats'

export type { Timers } from '../ports/Timers'

export const DEFAULT_CLEAR_AFTER_MS = 20_000

function digest(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

/**
 * Copies secrets and takes them back: after the delay (0 = never), on lock and on quit, the clipboard is cleared
 * — but only if it still holds what Keyward put there, so nothing the user copied since is lost. Only a hash of the
 * copied text is kept in memory, never the text.
 */
export class SecretClipboard {
  private ours: string | null = null
  private timer: unknown = null

  constructor(
    private readonly clipboard: Clipboard,
    private readonly timers: Timers,
    private readonly platform: NodeJS.Platform,
  ) {}

  async copy(text: string, clearAfterMs = DEFAULT_CLEAR_AFTER_MS): Promise<void> {
    this.cancelTimer()
    await this.clipboard.write({ text, formats: secretClipboardFormats(this.platform) })
    this.ours = digest(text)
    if (clearAfterMs > 0) this.timer = this.timers.setTimeout(() => void this.clearIfOurs(), clearAfterMs)
  }

  /**
   * Takes over a copy made by another process (the CLI's `copy` exits at once; a detached guard clears): only the
   * SHA-256 of the copied text crosses, and `clearIfOurs` then clears only if the clipboard still holds that text.
   */
  adopt(copiedDigest: string): void {
    this.cancelTimer()
    this.ours = copiedDigest
  }

  /** The SHA-256 a guard process needs to `adopt` this copy. */
  static digestOf(text: string): string {
    return digest(text)
  }

  /** On lock, on quit, and when the delay runs out. */
  async clearIfOurs(): Promise<boolean> {
    this.cancelTimer()
    const ours = this.ours
    if (ours === null) return false
    this.ours = null
    const stillOurs = digest(await this.clipboard.readText()) === ours
    if (stillOurs) this.clipboard.clear()
    return stillOurs
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer)
    this.timer = null
  }
}
