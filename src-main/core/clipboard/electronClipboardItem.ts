import type { ClipboardContent } from '../ports/Clipboard'

/**
 * The entries of the one Electron `ClipboardItem` a copy writes: the text as `text/plain`, and each history-exclusion
 * hint as a RAW platform format — Electron's documented custom type `electron application/osclipboard;format="<name>"`
 * (docs/api/clipboard.md). Named bare, `org.nspasteboard.ConcealedType` would be taken for a MIME type and never
 * reach the pasteboard under the name clipboard managers look for. One item, so text and hints land atomically.
 */
export function clipboardItemEntries(content: ClipboardContent): Record<string, string | Uint8Array> {
  const entries: Record<string, string | Uint8Array> = { 'text/plain': content.text }
  for (const [format, data] of Object.entries(content.formats)) {
    entries[`electron application/osclipboard;format="${format}"`] = new Uint8Array(data)
  }
  return entries
}
