/** The OS file picker (Electron's dialog in the app; the e2e harness answers with a file the spec chose). */
export interface FileDialog {
  /** A .env file to write into (may not exist yet) or to import from; null when the user cancels. */
  chooseEnvFile(purpose: 'write' | 'import'): Promise<string | null>
}
