// The key list's selection under forced orderings of main's answers (issue 22): a key just added and focused stays
// selected when a change event's reload started before the selection landed and answers after it — the e2e race
// that left "Select a key" after an add under load.
import { beforeEach, describe, expect, it } from 'vitest'
import type { KeySummary } from '../../src-preload/contract'
import { useKeywardStore } from '../../src-renderer/src/store'
import { fakeKeyward, settle } from './fakeKeyward'

const KEY = { id: '7c0a3c8e-4a1b-4f5e-9f55-0f3a2b1c9d01', ref: 'gitlab/ci', name: 'ci' } as const

let keyward: ReturnType<typeof fakeKeyward>

beforeEach(() => {
  keyward = fakeKeyward({
    'keys:window': () => ({ total: 1, keys: [KEY as unknown as KeySummary] }),
    'keys:locate': () => ({ index: 0, id: KEY.id }),
    'keys:counts': () => ({ total: 1, attention: 0, rejected: 0, trash: 0, providers: [], environments: [], tags: [] }),
  })
  useKeywardStore.setState(useKeywardStore.getInitialState(), true)
})

describe('selection', () => {
  for (const order of ['in-order', 'reversed'] as const)
    it(`a focused key survives a reload that started before it was selected (answers ${order})`, async () => {
      const store = useKeywardStore.getState()
      await store.loadKeys()
      expect(useKeywardStore.getState().selectedKey).toBeNull()
      keyward.hold()
      const focused = store.focusKey(KEY.id)
      const reloaded = store.loadKeys()
      await settle()
      keyward.releaseAll(order)
      await settle()
      keyward.releaseAll(order)
      await Promise.all([focused, reloaded])
      await settle()
      expect(useKeywardStore.getState().selectedKey?.id).toBe(KEY.id)
      expect(useKeywardStore.getState().selectedIndex).toBe(0)
    })
})
