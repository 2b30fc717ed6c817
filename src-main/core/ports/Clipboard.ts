/** What a copy puts on the system clipboard: the text, plus platform formats that keep it out of history. */
export interface ClipboardContent {
  readonly text: string
  readonly formats: Readonly<Record<string, Buffer>>
}

/** The system clipboard (Electron's clipboard in the app). */
export interface Clipboard {
  write(content: ClipboardContent): Promise<void>
  readText(): Promise<string>
  clear(): void
}
