import { describe, expect, it } from 'vitest'
import type { EventName } from '../../../../src-preload/contract'
import { createAppHandlers } from '../../../../src-main/core/app/appHandlers'
import { describeApp } from '../../../../src-main/core/app/appInfo'
import { probeStorageEngine } from '../../../../src-main/core/db/storageEngine'

const machine = { platform: 'linux' as const, env: {}, homedir: '/home/ada' }
const fixedClock = { now: () => new Date('2026-11-24T10:00:00Z') }

describe('app handlers', () => {
  it('app:info describes the app once, with the real storage engine loaded', async () => {
    let described = 0
    const handlers = createAppHandlers({
      appInfo: () => {
        described += 1
        return describeApp({
          name: 'Keyward',
          version: '9.9.9',
          arch: 'x64',
          versions: { node: '20.19.0' },
          machine,
          storage: probeStorageEngine(undefined),
        })
      },
      events: { emit: () => undefined },
      clock: fixedClock,
    })
    const first = await handlers['app:info']({})
    await handlers['app:info']({})
    expect(described).toBe(1)
    expect(first).toMatchObject({
      version: '9.9.9',
      runtime: { electron: null },
      defaultVaultDir: '/home/ada/.config/Keyward/vault',
    })
    expect(first.storage).toMatchObject({ ok: true, cipher: expect.stringContaining('Multiple Ciphers') })
  })

  it('app:ping emits one app:ping event per call with increasing sequence numbers', async () => {
    const sent: { event: EventName; payload: unknown }[] = []
    const handlers = createAppHandlers({
      appInfo: () => {
        throw new Error('not used')
      },
      events: { emit: (event, payload) => void sent.push({ event, payload }) },
      clock: fixedClock,
    })
    expect(await handlers['app:ping']({})).toEqual({ seq: 1 })
    expect(await handlers['app:ping']({})).toEqual({ seq: 2 })
    expect(sent).toEqual([
      { event: 'app:ping', payload: { seq: 1, sentAt: '2026-11-24T10:00:00.000Z' } },
      { event: 'app:ping', payload: { seq: 2, sentAt: '2026-11-24T10:00:00.000Z' } },
    ])
  })

  it('storage probe reports a driver that cannot load instead of throwing', () => {
    const storage = probeStorageEngine('/nonexistent/better_sqlite3.node')
    expect(storage.ok).toBe(false)
    expect(!storage.ok && storage.message).toMatch(/could not be loaded/)
  })
})
