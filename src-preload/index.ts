// The preload's IPC helper: the only renderer-side code that touches ipcRenderer. It runs sandboxed, so it is
// bundled into one CommonJS file that requires nothing but 'electron'.
import { contextBridge, ipcRenderer } from 'electron'
import { createKeywardApi } from './api'

contextBridge.exposeInMainWorld('keyward', createKeywardApi(ipcRenderer))
