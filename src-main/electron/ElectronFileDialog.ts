import { dialog, type BrowserWindow } from 'electron'
import type { FileDialog } from '../core/ports/FileDialog'

/** The FileDialog port on Electron's native dialogs, sheet-attached to the window when there is one. */
export class ElectronFileDialog implements FileDialog {
  constructor(private readonly window: () => BrowserWindow | undefined) {}

  async chooseEnvFile(purpose: 'write' | 'import'): Promise<string | null> {
    const parent = this.window()
    const filters = [{ name: '.env files', extensions: ['env', '*'] }]
    if (purpose === 'write') {
      const options = { title: 'Write keys to a .env file', defaultPath: '.env', filters, showsTagField: false }
      const chosen =
        parent === undefined ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(parent, options)
      return chosen.canceled || chosen.filePath === undefined || chosen.filePath === '' ? null : chosen.filePath
    }
    const options = {
      title: 'Import keys from a .env file',
      filters,
      properties: ['openFile' as const, 'showHiddenFiles' as const],
    }
    const chosen =
      parent === undefined ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(parent, options)
    return chosen.canceled ? null : (chosen.filePaths[0] ?? null)
  }
}
