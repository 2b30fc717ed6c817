import { clipboard, ClipboardItem } from 'electron'
import { clipboardItemEntries } from '../core/clipboard/electronClipboardItem'
import type { Clipboard, ClipboardContent } from '../core/ports/Clipboard'

/**
 * The Clipboard port on Electron's (asynchronous, ClipboardItem-based) clipboard: the text and every hint format go
 * in one item, so they land together; the hints as raw OS formats (see clipboardItemEntries). Type-checked against
 * Electron 45 only: check on each platform that the hint formats reach the clipboard managers.
 */
export class ElectronClipboard implements Clipboard {
  async write(content: ClipboardContent): Promise<void> {
    const entries = Object.entries(clipboardItemEntries(content)).map(([type, data]) => [
      type,
      typeof data === 'string' ? data : new Blob([new Uint8Array(data)]),
    ])
    await clipboard.write([new ClipboardItem(Object.fromEntries(entries) as Record<string, string | Blob>)])
  }

  readText(): Promise<string> {
    return clipboard.readText()
  }

  clear(): void {
    clipboard.clear()
  }
}
