// What the one IPC path costs in main: sender check + zod validation + handler + response parse, per call.
import os from 'node:os'
import path from 'node:path'
import { createAppHandlers } from '../src-main/core/app/appHandlers'
import { describeApp } from '../src-main/core/app/appInfo'
import { probeStorageEngine } from '../src-main/core/db/storageEngine'
import { runHandler } from '../src-main/core/ipc/handle'
import { trustOrigins } from '../src-main/core/ipc/senderPolicy'
import { readRendererAsset } from '../src-main/core/renderer/rendererAsset'
import { measure, type Measurement } from './measure'

export async function ipcBenchmarks(): Promise<Measurement[]> {
  const policy = trustOrigins(['app://keyward'])
  const event = { senderFrame: { url: 'app://keyward/index.html' } }
  const machine = { platform: process.platform, env: process.env, homedir: os.homedir() }
  const handlers = createAppHandlers({
    appInfo: () =>
      describeApp({
        name: 'Keyward',
        version: '0.0.0',
        arch: process.arch,
        versions: process.versions,
        machine,
        storage: probeStorageEngine(undefined),
      }),
    events: { emit: () => undefined },
    clock: { now: () => new Date() },
  })
  const rendererDir = path.join(import.meta.dirname, '..', 'out', 'renderer')
  return [
    await measure(
      'runHandler app:info (cached answer)',
      () => runHandler('app:info', handlers['app:info'], policy, event, {}),
      {
        iterations: 20_000,
        target: '< 0.1 ms',
      },
    ),
    await measure(
      'runHandler refusing a foreign sender',
      () => runHandler('app:info', handlers['app:info'], policy, { senderFrame: { url: 'https://x.example/' } }, {}),
      { iterations: 20_000 },
    ),
    await measure('open a :memory: SQLCipher db + version query', () => probeStorageEngine(undefined), {
      iterations: 200,
      warmup: 5,
    }),
    await measure('serve index.html from out/renderer', () => readRendererAsset(rendererDir, '/'), {
      iterations: 2000,
    }),
  ]
}
