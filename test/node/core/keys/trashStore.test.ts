import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { recordUsages } from '../../../../src-main/core/dotenv/usageStore'
import {
  createKey,
  getKey,
  keyHistory,
  listKeys,
  revealValue,
  setKeyValue,
} from '../../../../src-main/core/keys/keyRepository'
import { keyIdOf } from '../../../../src-main/core/keys/keyRef'
import { searchKeys } from '../../../../src-main/core/keys/keySearch'
import { duplicatesOf } from '../../../../src-main/core/keys/keyStore'
import {
  deleteTrashedForever,
  emptyTrash,
  findTrashed,
  listTrash,
  restoreKey,
  trashKey,
} from '../../../../src-main/core/keys/trashStore'
import { setSnooze, snoozeOf } from '../../../../src-main/core/reminders/reminderStore'
import { auditEvents } from '../../../../src-main/core/vault/audit'
import { changeMasterKey } from '../../../../src-main/core/vault/rekey'
import { fingerprint } from '../../../../src-main/core/vault/sealing'
import { unlockWithPassword } from '../../../../src-main/core/vault/unlockVault'
import type { VaultSession } from '../../../../src-main/core/vault/VaultSession'
import { FAST_KDF, PASSWORD, newTestVault, tempDir, testDeps } from '../../helpers/testVault'
import type { KeyId } from '../../../../src-main/core/keys/keyId'

let temp: ReturnType<typeof tempDir>
let session: VaultSession
let deps: Awaited<ReturnType<typeof newTestVault>>['deps']

beforeEach(async () => {
  temp = tempDir()
  const created = await newTestVault(temp.dir)
  session = created.session
  deps = created.deps
})
afterEach(() => {
  session.lock()
  temp.remove()
})

async function codeOf(run: () => unknown): Promise<string> {
  try {
    await run()
  } catch (error) {
    return (error as { code?: string }).code ?? String(error)
  }
  return 'no error'
}

function addStripe(): KeyId {
  const { key } = createKey(
    session,
    { provider: 'stripe', name: 'prod', envVar: 'STRIPE_SECRET_KEY', environment: 'production', tags: ['billing'] },
    'sk_live_first_value_0000000000000000',
  )
  setKeyValue(session, key.id, 'sk_live_second_value_111111111111111')
  recordUsages(session, '/work/shop/.env', [{ keyId: key.id, variable: 'STRIPE_SECRET_KEY' }])
  setSnooze(session, key.id, '2026-12-24')
  return key.id
}

describe('the Trash', () => {
  it('takes a key out of every read and puts it back whole: id, versions, usages, snooze', async () => {
    const id = addStripe()
    const before = getKey(session, id)
    trashKey(session, id)

    expect(await codeOf(() => getKey(session, id))).toBe('NOT_FOUND')
    expect(await codeOf(() => keyIdOf(session, 'stripe/prod'))).toBe('NOT_FOUND')
    expect(listKeys(session)).toEqual([])
    expect(searchKeys(session, 'stripe', 10)).toEqual([])
    const print = fingerprint(session.fingerprintKey, 'sk_live_second_value_111111111111111')
    expect(duplicatesOf(session, print, '00000000-0000-4000-8000-000000000000' as KeyId)).toEqual([])
    expect(listTrash(session)).toMatchObject([
      {
        id,
        ref: 'stripe/prod',
        environment: 'production',
        envVar: 'STRIPE_SECRET_KEY',
        trashedAt: '2026-11-24T10:00:00.000Z',
        goneAt: '2026-12-24T10:00:00.000Z',
      },
    ])

    restoreKey(session, id)
    expect(getKey(session, id)).toEqual(before)
    expect(revealValue(session, id)).toBe('sk_live_second_value_111111111111111')
    expect(keyHistory(session, id).versions).toHaveLength(2)
    expect(session.sql('SELECT file_path, variable FROM usages WHERE key_id = ?').all(id)).toEqual([
      { file_path: '/work/shop/.env', variable: 'STRIPE_SECRET_KEY' },
    ])
    expect(snoozeOf(session, id)).toBe('2026-12-24')
    expect(listTrash(session)).toEqual([])
    expect(auditEvents(session, { limit: 10 }).map((event) => event.action)).toEqual(
      expect.arrayContaining(['trashed', 'restored']),
    )
  })

  it('restores a key trashed before a password change, its values opened and fingerprinted under the new keys', async () => {
    const id = addStripe()
    trashKey(session, id)
    await changeMasterKey(session, 'a brand new password', FAST_KDF)
    session.lock()
    session = await unlockWithPassword(session.files.dir, 'a brand new password', testDeps(deps.clock))
    restoreKey(session, id)
    expect(revealValue(session, id)).toBe('sk_live_second_value_111111111111111')
    // The same value added again is found as a duplicate: the restored fingerprint is the new keys' one.
    const again = createKey(session, { provider: 'stripe', name: 'copy' }, 'sk_live_second_value_111111111111111')
    expect(again.duplicates).toEqual(['stripe/prod'])
    expect(session.sql('SELECT fingerprint FROM keys WHERE id = ?').pluck().get(id)).toBe(
      fingerprint(session.fingerprintKey, 'sk_live_second_value_111111111111111'),
    )
  })

  it('refuses to restore over a key added meanwhile under the same name, and keeps it in the Trash', async () => {
    const id = addStripe()
    trashKey(session, id)
    createKey(session, { provider: 'stripe', name: 'prod' }, 'sk_live_someone_else_22222222222222')
    expect(await codeOf(() => restoreKey(session, id))).toBe('CONFLICT')
    expect(findTrashed(session, 'stripe/prod').id).toBe(id)
  })

  it('refuses to trash a key whose rotation is under way (its journal would go)', async () => {
    const id = addStripe()
    session
      .sql(
        "INSERT INTO rotations (key_id, next_step, retire, started_at, updated_at) VALUES (?, 'store', 'now', 'x', 'x')",
      )
      .run(id)
    expect(await codeOf(() => trashKey(session, id))).toBe('CONFLICT')
    expect(getKey(session, id).ref).toBe('stripe/prod')
  })

  it('deletes for good one key or all, values included, and finds a trashed key by name', () => {
    const id = addStripe()
    const other = createKey(session, { provider: 'github', name: 'ci' }, 'ghp_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa').key
      .id
    trashKey(session, id)
    trashKey(session, other)
    expect(findTrashed(session, 'ci').ref).toBe('github/ci')
    deleteTrashedForever(session, other)
    expect(listTrash(session).map((key) => key.ref)).toEqual(['stripe/prod'])
    expect(emptyTrash(session)).toBe(1)
    expect(session.sql('SELECT count(*) FROM trash_versions').pluck().get()).toBe(0)
    expect(session.sql('SELECT count(*) FROM secret_versions').pluck().get()).toBe(0)
  })

  it('keeps a key 30 days: the unlock after that deletes it with its values', async () => {
    const id = addStripe()
    trashKey(session, id)
    const dir = session.files.dir
    session.lock()
    deps.clock.advance(29 * 86_400_000)
    session = await unlockWithPassword(dir, PASSWORD, deps)
    expect(listTrash(session)).toHaveLength(1)
    session.lock()
    deps.clock.advance(1 * 86_400_000)
    session = await unlockWithPassword(dir, PASSWORD, deps)
    expect(listTrash(session)).toEqual([])
    expect(session.sql('SELECT count(*) FROM trash_versions').pluck().get()).toBe(0)
    expect(auditEvents(session, { limit: 5 }).map((event) => event.action)).toContain('trash-emptied')
  })

  it('keeps trash_versions column for column what secret_versions is (a password change re-seals both)', () => {
    const columns = (table: string) =>
      session.sql(`SELECT name, type, "notnull" FROM pragma_table_info('${table}')`).all()
    expect(columns('trash_versions')).toEqual(columns('secret_versions'))
  })
})
