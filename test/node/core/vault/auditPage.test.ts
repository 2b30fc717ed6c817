// The Activity view's pages of the audit trail: keyset by id, newest first, filters by action and by part of the
// key's reference (LIKE wildcards in the user's text match themselves), on a real vault.
import { afterEach, beforeEach, expect, it } from 'vitest'
import { auditPage, recordEvent } from '../../../../src-main/core/vault/audit'
import type { VaultSession } from '../../../../src-main/core/vault/VaultSession'
import { newTestVault, tempDir } from '../../helpers/testVault'

let temp: ReturnType<typeof tempDir>
let session: VaultSession

beforeEach(async () => {
  temp = tempDir()
  session = (await newTestVault(temp.dir)).session
  for (let i = 0; i < 120; i++)
    recordEvent(session, i % 3 === 0 ? 'copied' : 'revealed', {
      keyRef: i % 2 === 0 ? 'stripe/prod_1' : 'stripe/prod1',
    })
})
afterEach(() => {
  session.lock()
  temp.remove()
})

const all = { beforeId: null, action: null, keyRef: null, limit: 50 }

it('pages newest first by id, 50 at a time, and says whether an older page exists', () => {
  const first = auditPage(session, all)
  expect(first.events).toHaveLength(50)
  expect(first.more).toBe(true)
  const ids = first.events.map((event) => event.id)
  expect(ids).toEqual([...ids].sort((a, b) => b - a))
  const second = auditPage(session, { ...all, beforeId: ids.at(-1) ?? null })
  expect(second.events[0]?.id).toBeLessThan(ids.at(-1) ?? 0)
  let pages = 1
  for (let page = first; page.more; pages++)
    page = auditPage(session, { ...all, beforeId: page.events.at(-1)?.id ?? null })
  // 120 events plus the vault's own creation record, 50 a page.
  expect(pages).toBe(3)
})

it('filters by action and by part of the key reference; "_" in the text is a character, not a wildcard', () => {
  const copied = auditPage(session, { ...all, action: 'copied', limit: 200 })
  expect(copied.events).toHaveLength(40)
  expect(copied.events.every((event) => event.action === 'copied')).toBe(true)
  expect(auditPage(session, { ...all, keyRef: 'PROD_1', limit: 200 }).events).toHaveLength(60)
  expect(auditPage(session, { ...all, keyRef: 'prod1', limit: 200 }).events).toHaveLength(60)
  expect(auditPage(session, { ...all, action: 'rotated' }).events).toEqual([])
})
