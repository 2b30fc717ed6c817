import { clipboard, ClipboardItem } from 'electron'
import type { Clipboard, ClipboardContent } from '../core/ports/Clipboard'

/**
 * The Clipboard port on Electron's (asynchronous, ClipboardItem-based) clipboard: the text and every hint format go
 * in one item, so they land together. Type-checked against Electron 45 only: check on each platform that the hint
 * formats reach the clipboard managers.
 */
export class ElectronClipboard implements Clipboard {
  async write(content: ClipboardContent): Promise<void> {
    const formats = Object.fromEntries(Object.entries(content.formats).map(([format, data]) => [format, new Blob([new Uint8Array(data)])]))
    await clipboard.write([new ClipboardItem({ 'text/plain': content.text, ...formats })])
  }

  readText(): Promise<string> {
    return clipboard.readText()
  }

  clear(): void {
    clipboard.clear()
  }
}
