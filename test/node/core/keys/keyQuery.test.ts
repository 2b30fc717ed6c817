import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { editKey, importKeys, listKeys } from '../../../../src-main/core/keys/keyRepository'
import { findKeys, parseKeyQuery } from '../../../../src-main/core/keys/keyQuery'
import type { VaultSession } from '../../../../src-main/core/vault/VaultSession'
import { manualClock, newTestVault, tempDir, testDeps } from '../../helpers/testVault'

let temp: ReturnType<typeof tempDir>
let session: VaultSession

beforeEach(async () => {
  temp = tempDir()
  session = (await newTestVault(temp.dir, testDeps(manualClock('2027-03-01T09:00:00Z')))).session
  importKeys(session, [
    {
      key: {
        provider: 'stripe',
        name: 'billing',
        environment: 'production',
        tags: ['payments'],
        expiresAt: '2027-02-01',
      },
      value: 'v1-000000000',
    },
    {
      key: { provider: 'stripe', name: 'checkout', environment: 'staging', expiresAt: '2027-03-10' },
      value: 'v2-000000000',
    },
    {
      key: { provider: 'github', name: 'ci', environment: 'production', tags: ['ci', 'payments'] },
      value: 'v3-000000000',
    },
  ])
})
afterEach(() => {
  session.lock()
  temp.remove()
})

const refs = (query: string) =>
  findKeys(session, query, 50)
    .map((key) => key.ref)
    .sort()

describe('the window search with filters', () => {
  it('narrows by provider:, env:, tag: and is:, alone or with words', () => {
    expect(refs('provider:stripe')).toEqual(['stripe/billing', 'stripe/checkout'])
    expect(refs('env:production')).toEqual(['github/ci', 'stripe/billing'])
    expect(refs('tag:payments')).toEqual(['github/ci', 'stripe/billing'])
    expect(refs('is:expired')).toEqual(['stripe/billing'])
    expect(refs('is:due')).toEqual(['stripe/checkout'])
    expect(refs('is:attention')).toEqual(['stripe/billing', 'stripe/checkout'])
    expect(refs('provider:stripe env:staging')).toEqual(['stripe/checkout'])
    expect(refs('billing tag:payments')).toEqual(['stripe/billing'])
    expect(refs('is:unverified provider:github')).toEqual(['github/ci'])
    expect(refs('billing')).toEqual(['stripe/billing'])
  })

  it('is:revoked and is:active follow the status; an unknown is: says which exist', () => {
    const ci = listKeys(session).find((key) => key.name === 'ci')
    if (ci === undefined) throw new Error('no ci key')
    session.sql("UPDATE keys SET status = 'revoked' WHERE id = ?").run(ci.id)
    editKey(session, ci.id, { notes: 'revoked' })
    expect(refs('is:revoked')).toEqual(['github/ci'])
    expect(refs('is:active')).toEqual(['stripe/checkout']) // billing's status is 'expired'
    expect(() => findKeys(session, 'is:shiny', 10)).toThrow(/is:expired, is:due/)
    expect(parseKeyQuery('Provider:Stripe x')).toMatchObject({ provider: 'stripe', words: ['x'] })
  })
})
