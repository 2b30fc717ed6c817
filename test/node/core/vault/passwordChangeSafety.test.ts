// The review's findings on the password change and the unlock, in process (issue 18): re-sealing, turns for
// wrong passwords, damaged headers, the KDF cap, a private vault folder, and the recovery code a settled change owes.
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createKey } from '../../../../src-main/core/keys/keyRepository'
import { keyIdOf } from '../../../../src-main/core/keys/keyRef'
import { writePendingRotation, clearPendingRotation } from '../../../../src-main/core/providers/pendingRotations'
import { backupVault } from '../../../../src-main/core/vault/backups'
import { settleNotice } from '../../../../src-main/core/vault/changeNotice'
import { createVault } from '../../../../src-main/core/vault/createVault'
import { readHeader, updateHeader } from '../../../../src-main/core/vault/header'
import { calibrateKdf, CALIBRATION_MAX_MEMORY_KIB, DEFAULT_FLOOR } from '../../../../src-main/core/vault/passwordKdf'
import { changeMasterKey } from '../../../../src-main/core/vault/rekey'
import { unseal } from '../../../../src-main/core/vault/sealing'
import { unlockWithPassword, unlockWithRecoveryCode } from '../../../../src-main/core/vault/unlockVault'
import { vaultFiles } from '../../../../src-main/core/vault/vaultFiles'
import { FAST_KDF, newTestVault, PASSWORD, tempDir, testDeps } from '../../helpers/testVault'

let temp: ReturnType<typeof tempDir>
let vaultDir: string
beforeEach(() => {
  temp = tempDir()
  vaultDir = path.join(temp.dir, 'vault')
})
afterEach(() => temp.remove())

describe('a password change re-seals every value', () => {
  it('under new value keys: a backup from before the change opens no value sealed after it; duplicates are still found', async () => {
    const { session } = await newTestVault(temp.dir)
    const { id } = createKey(session, { provider: 'solo', name: 'main' }, 'solo-secret-value-1').key
    const before = backupVault(session.db, session.files, session.clock.now(), 'manual')
    await changeMasterKey(session, 'new password', FAST_KDF)
    // A rotation's new value, written after the change, sealed under the vault's value key as it is now.
    const pending = writePendingRotation(session, id, 'rotated-after-the-change')
    const sealed = Buffer.from((JSON.parse(readFileSync(pending, 'utf8')) as { sealed: string }).sealed, 'base64')
    expect(createKey(session, { provider: 'solo', name: 'copy' }, 'solo-secret-value-1').duplicates).toEqual([
      'solo/main',
    ])
    clearPendingRotation(pending)
    session.lock()

    // The attacker's side: the old password opens the old backup, and with it that backup's value keys.
    const old = await unlockWithPassword(before.path, PASSWORD, testDeps())
    try {
      expect(unseal(old.secretKey, sealed, `pending-rotation:${id}`)).toBeNull()
    } finally {
      old.lock()
    }
    const reopened = await unlockWithPassword(vaultDir, 'new password', testDeps())
    expect(keyIdOf(reopened, 'solo/main')).toBe(id)
    reopened.lock()
  })

  it('refuses while a rotation waits for its new value to be stored (that value is sealed under the keys replaced)', async () => {
    const { session } = await newTestVault(temp.dir)
    const { id } = createKey(session, { provider: 'solo', name: 'main' }, 'solo-secret-value-1').key
    writePendingRotation(session, id, 'the-new-one')
    await expect(changeMasterKey(session, 'new password', FAST_KDF)).rejects.toMatchObject({
      code: 'VAULT_BUSY',
      message: expect.stringMatching(/Finish that rotation first/),
    })
    session.lock()
    ;(await unlockWithPassword(vaultDir, PASSWORD, testDeps())).lock()
  })
})

describe('wrong passwords tried at once', () => {
  it('each wait their own turn once five have failed in a row', async () => {
    const deps = testDeps()
    ;(await newTestVault(temp.dir, deps)).session.lock()
    for (let i = 0; i < 5; i++) await unlockWithPassword(vaultDir, 'wrong', deps).catch(() => undefined)
    // Eight processes guessing at the same moment (the app and CLI commands share the header's counter): the clock
    // stands still while they wait, as it would for processes started together.
    const waits: number[] = []
    const atOnce = { ...deps, sleep: async (ms: number) => void waits.push(ms) }
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, () => unlockWithPassword(vaultDir, 'wrong', atOnce).catch((error: unknown) => error)),
    )
    expect(outcomes.every((outcome) => (outcome as { code?: string }).code === 'WRONG_PASSWORD')).toBe(true)
    expect(new Set(waits).size).toBe(8)
    expect([...waits].sort((a, b) => a - b).slice(0, 2)).toEqual([1000, 2000])
  })
})

describe('headers that are damaged never reach "This is a bug"', () => {
  for (const [what, damage] of [
    ['an empty kdf.salt', (text: string) => text.replace(/"salt": "[^"]+"/, '"salt": ""')],
    ['an empty wrapped key', (text: string) => text.replace(/"wrappedKey": "[^"]+"/, '"wrappedKey": ""')],
  ] as const) {
    it(`${what} is VAULT_CORRUPT, with the way out`, async () => {
      ;(await newTestVault(temp.dir)).session.lock()
      const file = vaultFiles(vaultDir).header
      writeFileSync(file, damage(readFileSync(file, 'utf8')))
      await expect(unlockWithPassword(vaultDir, PASSWORD, testDeps())).rejects.toMatchObject({
        code: 'VAULT_CORRUPT',
        message: expect.stringMatching(/Restore it from/),
      })
    })
  }
})

describe('KDF calibration', () => {
  it('never takes more than 256 MiB, raising iterations instead, however fast the machine', async () => {
    // A machine on which every Argon2id run takes 10 ms per GiB·iteration: far faster than the 0.5 s target.
    const fast = calibrateKdf(async (cost) => (cost.memoryKiB / (1024 * 1024)) * cost.iterations * 10)
    const cost = await fast
    expect(cost.memoryKiB).toBe(CALIBRATION_MAX_MEMORY_KIB)
    expect(cost.iterations).toBeGreaterThan(DEFAULT_FLOOR.iterations)
  })

  it('never goes below the 64 MiB / t=3 floor on a slow machine', async () => {
    expect(await calibrateKdf(async () => 2000)).toEqual(DEFAULT_FLOOR)
  })
})

describe('a new vault', () => {
  it('makes an existing folder owner-only (0700), not only doctor complaining later', async () => {
    if (process.platform === 'win32') return
    mkdirSync(vaultDir, { mode: 0o755 })
    chmodSync(vaultDir, 0o755)
    ;(await createVault(vaultDir, PASSWORD, { kdf: FAST_KDF }, testDeps())).session.lock()
    expect((statSync(vaultDir).mode & 0o777).toString(8)).toBe('700')
  })
})

describe('the recovery code a settled change owes', () => {
  it('is issued where it can be shown, opens the vault, and the header stops asking for it', async () => {
    ;(await newTestVault(temp.dir)).session.lock()
    updateHeader(vaultFiles(vaultDir), (latest) => ({ ...latest, recoveryCodeUnseen: true }))
    const withoutScreen = await unlockWithPassword(vaultDir, PASSWORD, testDeps())
    expect(settleNotice(withoutScreen, false)).toMatchObject({ recoveryCodeDue: true, recoveryCode: null })
    withoutScreen.lock()
    const session = await unlockWithPassword(vaultDir, PASSWORD, testDeps())
    const notice = settleNotice(session, true)
    session.lock()
    expect(notice?.recoveryCode).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){5}$/)
    expect(readHeader(vaultFiles(vaultDir)).recoveryCodeUnseen).toBeUndefined()
    ;(await unlockWithRecoveryCode(vaultDir, notice?.recoveryCode ?? '', testDeps())).lock()
  })
})
