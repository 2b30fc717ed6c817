// Backups taken by several Keywards at once (the app's daily backup beside `keyward backup`), found by the soak.
import { existsSync } from 'node:fs'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { backupVault, BACKUPS_KEPT, listBackups } from '../../../../src-main/core/vault/backups'
import type { VaultSession } from '../../../../src-main/core/vault/VaultSession'
import { newTestVault, tempDir } from '../../helpers/testVault'

let temp: ReturnType<typeof tempDir>
let session: VaultSession
beforeEach(async () => {
  temp = tempDir()
  session = (await newTestVault(temp.dir)).session
})
afterEach(() => {
  session.lock()
  temp.remove()
})

it('a backup whose name sorts oldest (a clock behind the others) is kept, not pruned the moment it is made', () => {
  for (let day = 1; day <= BACKUPS_KEPT; day++)
    backupVault(session.db, session.files, new Date(Date.UTC(2030, 0, day)), 'daily')
  const made = backupVault(session.db, session.files, new Date(Date.UTC(2026, 0, 1)), 'manual')
  expect(existsSync(made.path)).toBe(true)
  const kept = listBackups(session.files)
  expect(kept).toHaveLength(BACKUPS_KEPT)
  expect(kept.map((backup) => backup.name)).toContain(made.name)
})

it('never keeps more than the newest ten, whatever the order they were made in', () => {
  for (let day = 1; day <= BACKUPS_KEPT + 5; day++)
    backupVault(session.db, session.files, new Date(Date.UTC(2030, 0, day)), 'daily')
  expect(listBackups(session.files)).toHaveLength(BACKUPS_KEPT)
})
