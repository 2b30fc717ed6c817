function dword(value: number): Buffer {
  const buffer = Buffer.alloc(4)
  buffer.writeUInt32LE(value)
  return buffer
}

/**
 * The formats that tell clipboard managers and histories to leave a secret alone, per platform:
 * macOS — nspasteboard.org's `org.nspasteboard.ConcealedType` marker; Linux — KDE Klipper's
 * `x-kde-passwordManagerHint: secret`; Windows — `ExcludeClipboardContentFromMonitorProcessing`, and
 * `CanIncludeInClipboardHistory` / `CanUploadToCloudClipboard` set to DWORD 0.
 */
export function secretClipboardFormats(platform: NodeJS.Platform): Record<string, Buffer> {
  switch (platform) {
    case 'darwin':
      return { 'org.nspasteboard.ConcealedType': Buffer.alloc(0) }
    case 'win32':
      return {
        ExcludeClipboardContentFromMonitorProcessing: Buffer.alloc(0),
        CanIncludeInClipboardHistory: dword(0),
        CanUploadToCloudClipboard: dword(0),
      }
    default:
      return { 'x-kde-passwordManagerHint': Buffer.from('secret') }
  }
}
