// A second launch while Keyward runs must not open a window of its own: it quits and lets the first one focus.
import { describe, expect, it, vi } from 'vitest'
import { bootMainBundle } from './loadMainBundle'

const standIn = await vi.hoisted(async () => (await import('./loadMainBundle')).standInForBoot(false))
vi.mock('electron', () => ({ ...standIn.electron, default: standIn.electron }))

describe('a second instance of the built main process', () => {
  it('quits without creating a window or registering handlers', async () => {
    await bootMainBundle(standIn)
    expect(standIn.recorded.quitCalls).toBe(1)
    expect(standIn.recorded.windows).toHaveLength(0)
    expect(standIn.recorded.ipcHandlers.size).toBe(0)
  })
})
