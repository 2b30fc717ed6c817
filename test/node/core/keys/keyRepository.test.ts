import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { KeywardError } from '../../../../src-main/core/errors'
import {
  createKey,
  deleteKey,
  editKey,
  getKey,
  importKeys,
  keyHistory,
  listKeys,
  listKeysPage,
  revealValue,
  setKeyValue,
} from '../../../../src-main/core/keys/keyRepository'
import { searchKeys } from '../../../../src-main/core/keys/keySearch'
import { auditEvents } from '../../../../src-main/core/vault/audit'
import type { VaultSession } from '../../../../src-main/core/vault/VaultSession'
import { newTestVault, tempDir } from '../../helpers/testVault'
import { keyIdOf } from '../../../../src-main/core/keys/keyRef'

let temp: ReturnType<typeof tempDir>
let session: VaultSession
let clock: Awaited<ReturnType<typeof newTestVault>>['deps']['clock']

beforeEach(async () => {
  temp = tempDir()
  const created = await newTestVault(temp.dir)
  session = created.session
  clock = created.deps.clock
})
afterEach(() => {
  session.lock()
  temp.remove()
})

function codeOf(run: () => unknown): string {
  try {
    run()
  } catch (error) {
    if (error instanceof KeywardError) return error.code
    throw error
  }
  return 'no error'
}

describe('keys', () => {
  it('creates a key with its metadata and keeps the value only sealed', () => {
    const { key } = createKey(
      session,
      {
        provider: 'solo',
        name: 'main',
        envVar: 'SOLO_API_KEY',
        environment: 'production',
        expiresAt: '2027-03-01',
        rotateEveryDays: 90,
        tags: ['email'],
        notes: 'plan: Solopreneur',
        metadata: { plan: 'solopreneur' },
      },
      'solo_live_0123456789abcdef',
    )
    expect(key).toMatchObject({
      ref: 'solo/main',
      envVar: 'SOLO_API_KEY',
      environment: 'production',
      status: 'active',
      expiresAt: '2027-03-01',
      rotateEveryDays: 90,
      tags: ['email'],
      hint: 'cdef',
      metadata: { plan: 'solopreneur' },
    })
    const stored = session.db.prepare('SELECT sealed FROM secret_versions').get() as { sealed: Buffer }
    expect(stored.sealed.includes(Buffer.from('solo_live_0123456789abcdef'))).toBe(false)
    expect(revealValue(session, keyIdOf(session, 'main'))).toBe('solo_live_0123456789abcdef')
  })

  it('refuses a second key with the same provider and name (CONFLICT) and bad input (INVALID_INPUT)', () => {
    createKey(session, { provider: 'solo', name: 'main' }, 'value-one-123456')
    expect(codeOf(() => createKey(session, { provider: 'solo', name: 'main' }, 'value-two-123456'))).toBe('CONFLICT')
    expect(codeOf(() => createKey(session, { provider: 'Solo!', name: 'x' }, 'v'))).toBe('INVALID_INPUT')
    expect(codeOf(() => createKey(session, { provider: 'solo', name: 'a/b' }, 'v'))).toBe('INVALID_INPUT')
    expect(codeOf(() => createKey(session, { provider: 'solo', name: 'x', expiresAt: '2027-02-30' }, 'v'))).toBe(
      'INVALID_INPUT',
    )
    expect(codeOf(() => createKey(session, { provider: 'solo', name: 'x', envVar: '1BAD' }, 'v'))).toBe('INVALID_INPUT')
    expect(codeOf(() => createKey(session, { provider: 'solo', name: 'x' }, ''))).toBe('INVALID_INPUT')
    expect(listKeys(session)).toHaveLength(1)
  })

  it('resolves a bare name only when it is unique (else AMBIGUOUS), and reports NOT_FOUND', () => {
    createKey(session, { provider: 'stripe', name: 'prod' }, 'sk_live_aaaaaaaaaaaa')
    expect(getKey(session, keyIdOf(session, 'prod')).ref).toBe('stripe/prod')
    createKey(session, { provider: 'github', name: 'prod' }, 'ghp_bbbbbbbbbbbbbbbb')
    expect(codeOf(() => getKey(session, keyIdOf(session, 'prod')))).toBe('AMBIGUOUS')
    expect(getKey(session, keyIdOf(session, 'github/prod')).provider).toBe('github')
    expect(codeOf(() => getKey(session, keyIdOf(session, 'nope')))).toBe('NOT_FOUND')
    expect(codeOf(() => getKey(session, keyIdOf(session, 'stripe/nope')))).toBe('NOT_FOUND')
  })

  it('keeps the old value as a retired version with when and why when the value changes', () => {
    createKey(session, { provider: 'mailosaur', name: 'ci' }, 'old-value-1234567')
    clock.advance(60_000)
    setKeyValue(session, keyIdOf(session, 'ci'), 'new-value-7654321', 'rotated: leaked in a log')
    expect(revealValue(session, keyIdOf(session, 'ci'))).toBe('new-value-7654321')
    const { key, versions } = keyHistory(session, keyIdOf(session, 'ci'))
    expect(key.rotatedAt).toBe('2026-11-24T10:01:00.000Z')
    expect(versions).toEqual([
      expect.objectContaining({ current: true, retiredAt: null, hint: '4321' }),
      expect.objectContaining({
        current: false,
        retiredAt: '2026-11-24T10:01:00.000Z',
        retiredReason: 'rotated: leaked in a log',
        hint: '4567',
      }),
    ])
  })

  it('reports other keys holding the same value, by fingerprint', () => {
    createKey(session, { provider: 'openai', name: 'a' }, 'sk-proj-same-value-000')
    const { duplicates } = createKey(session, { provider: 'openai', name: 'b' }, 'sk-proj-same-value-000')
    expect(duplicates).toEqual(['openai/a'])
  })

  it('edits metadata, renames, clears dates with null, and refuses renaming onto another key', () => {
    createKey(session, { provider: 'elastic-email', name: 'old', expiresAt: '2027-01-01' }, 'E'.repeat(96))
    createKey(session, { provider: 'elastic-email', name: 'taken' }, 'F'.repeat(96))
    const edited = editKey(session, keyIdOf(session, 'old'), {
      name: 'renamed',
      expiresAt: null,
      tags: ['a', 'b'],
      environment: 'staging',
    })
    expect(edited).toMatchObject({
      ref: 'elastic-email/renamed',
      expiresAt: null,
      tags: ['a', 'b'],
      environment: 'staging',
    })
    expect(codeOf(() => editKey(session, keyIdOf(session, 'renamed'), { name: 'taken' }))).toBe('CONFLICT')
    expect(revealValue(session, keyIdOf(session, 'renamed'))).toBe('E'.repeat(96))
  })

  it('derives "expired" from the expiry date on every read', () => {
    createKey(session, { provider: 'aisoule', name: 'k', expiresAt: '2026-11-24' }, 'ak_live_000000000000')
    expect(getKey(session, keyIdOf(session, 'k')).status).toBe('active')
    clock.set('2026-11-25T00:00:01Z')
    expect(getKey(session, keyIdOf(session, 'k')).status).toBe('expired')
  })

  it('deletes a key with all its versions', () => {
    createKey(session, { provider: 'solo', name: 'gone' }, 'first-value-12345')
    setKeyValue(session, keyIdOf(session, 'gone'), 'second-value-12345')
    deleteKey(session, keyIdOf(session, 'gone'))
    expect(codeOf(() => getKey(session, keyIdOf(session, 'gone')))).toBe('NOT_FOUND')
    expect(session.db.prepare('SELECT count(*) AS n FROM secret_versions').get()).toEqual({ n: 0 })
  })

  it('filters the list by provider and environment', () => {
    importKeys(session, [
      { key: { provider: 'stripe', name: 'a', environment: 'production' }, value: 'v-a-00000000' },
      { key: { provider: 'stripe', name: 'b' }, value: 'v-b-00000000' },
      { key: { provider: 'github', name: 'c', environment: 'production' }, value: 'v-c-00000000' },
    ])
    expect(listKeys(session, { provider: 'stripe' }).map((key) => key.name)).toEqual(['a', 'b'])
    expect(listKeys(session, { environment: 'production' }).map((key) => key.ref)).toEqual(['github/c', 'stripe/a'])
  })

  it('audits changes and reveals, never a value; listing, searching, showing and history write nothing', () => {
    createKey(session, { provider: 'solo', name: 'audited' }, 'audit-canary-9f8e7d')
    revealValue(session, keyIdOf(session, 'audited'))
    const changesBefore = session.sql('SELECT total_changes()').pluck().get()
    listKeys(session)
    searchKeys(session, 'audited')
    getKey(session, keyIdOf(session, 'audited'))
    keyHistory(session, keyIdOf(session, 'audited'))
    expect(session.sql('SELECT total_changes()').pluck().get()).toBe(changesBefore)
    const events = auditEvents(session)
    expect(events.map((event) => event.action).slice(0, 2)).toEqual(['revealed', 'created'])
    expect(JSON.stringify(events)).not.toContain('audit-canary-9f8e7d')
  })
})

describe('search', () => {
  beforeEach(() => {
    importKeys(session, [
      {
        key: {
          provider: 'stripe',
          name: 'stripe-prod-billing',
          envVar: 'STRIPE_SECRET_KEY',
          environment: 'production',
          tags: ['payments'],
        },
        value: 'v1-000000000',
      },
      {
        key: {
          provider: 'solenoid-meter',
          name: 'meter-staging',
          environment: 'staging',
          notes: 'Quarterly rotation; owner: Ada',
        },
        value: 'v2-000000000',
      },
      {
        key: { provider: 'mailosaur', name: 'qa-inbox', notes: 'server-restricted to "QA" inbox' },
        value: 'v3-000000000',
      },
    ])
  })

  const refs = (query: string) => searchKeys(session, query).map((key) => key.ref)

  it('matches substrings and prefixes in any searched field, any case', () => {
    expect(refs('prod')).toEqual(['stripe/stripe-prod-billing'])
    expect(refs('SECRET_K')).toEqual(['stripe/stripe-prod-billing'])
    expect(refs('quarter')).toEqual(['solenoid-meter/meter-staging'])
    expect(refs('paym')).toEqual(['stripe/stripe-prod-billing'])
    expect(refs('staging')).toEqual(['solenoid-meter/meter-staging'])
  })

  it('puts keys whose name matches before keys that match elsewhere, even when they sort after them', () => {
    importKeys(session, [
      { key: { provider: 'aaa', name: 'unrelated', notes: 'used for billing exports' }, value: 'v4-000000000' },
      { key: { provider: 'zzz', name: 'billing-exports' }, value: 'v5-000000000' },
    ])
    expect(refs('billing')).toEqual(['stripe/stripe-prod-billing', 'zzz/billing-exports', 'aaa/unrelated'])
    expect(searchKeys(session, 'billing', 2).map((key) => key.ref)).toEqual([
      'stripe/stripe-prod-billing',
      'zzz/billing-exports',
    ])
  })

  it('requires every word, and handles words shorter than a trigram', () => {
    expect(refs('meter ada')).toEqual(['solenoid-meter/meter-staging'])
    expect(refs('qa')).toEqual(['mailosaur/qa-inbox'])
    expect(refs('stripe qa')).toEqual([])
  })

  it('treats quotes and FTS operators as plain text', () => {
    expect(refs('"QA"')).toEqual(['mailosaur/qa-inbox'])
    expect(refs('NOT OR AND')).toEqual([])
    expect(refs('%')).toEqual([])
  })
})

describe('paged listing', () => {
  it('pages through every key once, in the order of a full list, and writes nothing', () => {
    importKeys(
      session,
      Array.from({ length: 23 }, (_, i) => ({
        key: { provider: i % 2 === 0 ? 'solo' : 'aisoule', name: `k${String(i).padStart(2, '0')}` },
        value: `value-${i}-000000`,
      })),
    )
    const changesBefore = session.sql('SELECT total_changes()').pluck().get()
    const pages: string[][] = []
    let after: { provider: string; name: string } | null = null
    for (;;) {
      const page = listKeysPage(session, after, 5)
      if (page.length === 0) break
      pages.push(page.map((key) => key.ref))
      const last = page.at(-1)
      after = last === undefined ? null : { provider: last.provider, name: last.name }
    }
    expect(pages.map((page) => page.length)).toEqual([5, 5, 5, 5, 3])
    expect(pages.flat()).toEqual(listKeys(session).map((key) => key.ref))
    expect(session.sql('SELECT total_changes()').pluck().get()).toBe(changesBefore)
  })
})
