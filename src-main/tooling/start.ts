// `npm start` (build, then launch the desktop app) and `npm run dev` (launch with hot reload).
import { spawn } from 'node:child_process'
import path from 'node:path'
import { build, createServer } from 'electron-vite'
import { electronTarget, findElectronBinary } from './electronBinary'
import { ensureElectronNativeDriver } from './electronNativeDriver'

const root = path.resolve(import.meta.dirname, '..', '..')
const dev = process.argv.includes('--dev')

function stop(message: string): never {
  console.error(`keyward: ${message}`)
  process.exit(1)
}

const electron = findElectronBinary(root)
if (!electron.found) {
  stop(`cannot start the desktop app: ${electron.reason}. The keyward CLI and npm test do not need it.`)
}

try {
  await ensureElectronNativeDriver(root, electronTarget(root))
} catch (error) {
  stop(
    `could not build the SQLCipher driver for Electron: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
  )
}

if (dev) {
  await createServer({ root }, {})
} else {
  await build({ root })
  const env = { ...process.env }
  delete env.ELECTRON_RUN_AS_NODE
  const child = spawn(electron.binary, [root], { stdio: 'inherit', env })
  child.on('exit', (code, signal) => process.exit(code ?? (signal === null ? 1 : 128)))
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal))
}
