import { copyFileSync, existsSync, mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { KeywardError } from '../../../../src-main/core/errors'
import { createKey, listKeys, revealValue } from '../../../../src-main/core/keys/keyRepository'
import type { DeviceKeyStore } from '../../../../src-main/core/ports/DeviceKeyStore'
import { createVault } from '../../../../src-main/core/vault/createVault'
import { latestVersion } from '../../../../src-main/core/db/migrate'
import { readHeader } from '../../../../src-main/core/vault/header'
import {
  unlockWithDevice,
  unlockWithPassword,
  unlockWithRecoveryCode,
} from '../../../../src-main/core/vault/unlockVault'
import { changeMasterKey } from '../../../../src-main/core/vault/rekey'
import { deviceUnlockState, enableDeviceUnlock } from '../../../../src-main/core/vault/vaultSecurity'
import { vaultFiles } from '../../../../src-main/core/vault/vaultFiles'
import { FAST_KDF, manualClock, newTestVault, PASSWORD, tempDir, testDeps } from '../../helpers/testVault'
import { keyIdOf } from '../../../../src-main/core/keys/keyRef'

let temp: ReturnType<typeof tempDir>
let vaultDir: string
beforeEach(() => {
  temp = tempDir()
  vaultDir = path.join(temp.dir, 'vault')
})
afterEach(() => temp.remove())

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (error) {
    if (error instanceof KeywardError) return error.code
    throw error
  }
  return 'no error'
}

describe('creating and unlocking', () => {
  it('creates a vault that the password opens, with the key only in wrapped form in the header', async () => {
    const { session } = await newTestVault(temp.dir)
    createKey(session, { provider: 'stripe', name: 'prod' }, 'sk_live_canary_value')
    session.lock()
    const header = readHeader(vaultFiles(vaultDir))
    expect(header.kdf).toMatchObject({ algorithm: 'argon2id', memoryKiB: FAST_KDF.memoryKiB, iterations: 2 })
    expect(Object.keys(header.slots)).toEqual(['password', 'recovery'])

    const again = await unlockWithPassword(vaultDir, PASSWORD, testDeps())
    expect(revealValue(again, keyIdOf(again, 'stripe/prod'))).toBe('sk_live_canary_value')
    again.lock()
  })

  it('refuses to create over an existing vault (VAULT_EXISTS) and refuses KDF settings below the OWASP floor', async () => {
    ;(await newTestVault(temp.dir)).session.lock()
    expect(await codeOf(createVault(vaultDir, PASSWORD, { kdf: FAST_KDF }, testDeps()))).toBe('VAULT_EXISTS')
    const other = path.join(temp.dir, 'other')
    expect(
      await codeOf(createVault(other, PASSWORD, { kdf: { memoryKiB: 8 * 1024, iterations: 2 } }, testDeps())),
    ).toBe('INVALID_INPUT')
    expect(
      await codeOf(createVault(other, PASSWORD, { kdf: { memoryKiB: 19 * 1024, iterations: 1 } }, testDeps())),
    ).toBe('INVALID_INPUT')
    expect(existsSync(other)).toBe(false)
  })

  it('locking wipes every key buffer and closes the database', async () => {
    const { session } = await newTestVault(temp.dir)
    const buffers = [session.databaseKey, session.secretKey, session.fingerprintKey]
    const db = session.db
    session.lock()
    expect(buffers.every((buffer) => buffer.every((byte) => byte === 0))).toBe(true)
    expect(db.open).toBe(false)
  })

  it('after a lock every use of a key, a statement or the database is VAULT_LOCKED, never a TypeError', async () => {
    const { session } = await newTestVault(temp.dir)
    session.lock()
    for (const use of [
      () => session.secretKey,
      () => session.fingerprintKey,
      () => session.databaseKey,
      () => session.db,
      () => session.sql('SELECT 1'),
    ]) {
      expect(() => use()).toThrow(expect.objectContaining({ code: 'VAULT_LOCKED' }) as Error)
    }
  })

  it('gives VAULT_NOT_FOUND for a directory without a vault', async () => {
    expect(await codeOf(unlockWithPassword(path.join(temp.dir, 'nothing'), PASSWORD, testDeps()))).toBe(
      'VAULT_NOT_FOUND',
    )
  })
})

describe('wrong passwords', () => {
  it('leave the database files byte-identical and count in the header', async () => {
    ;(await newTestVault(temp.dir)).session.lock()
    const files = vaultFiles(vaultDir)
    const before = readFileSync(files.database)
    expect(await codeOf(unlockWithPassword(vaultDir, 'wrong', testDeps()))).toBe('WRONG_PASSWORD')
    expect(readFileSync(files.database).equals(before)).toBe(true)
    expect(existsSync(`${files.database}-wal`)).toBe(false)
    expect(readHeader(files).throttle.failures).toBe(1)
  })

  it('after five in a row, each attempt waits 1 s, 2 s, 4 s first, and a right password resets the count', async () => {
    const deps = testDeps()
    ;(await newTestVault(temp.dir, deps)).session.lock()
    for (let i = 0; i < 8; i++)
      expect(await codeOf(unlockWithPassword(vaultDir, `wrong-${i}`, deps))).toBe('WRONG_PASSWORD')
    expect(deps.waits).toEqual([1000, 2000, 4000])
    expect(readHeader(vaultFiles(vaultDir)).throttle.failures).toBe(8)

    const session = await unlockWithPassword(vaultDir, PASSWORD, deps)
    session.lock()
    expect(deps.waits.at(-1)).toBe(8000)
    expect(readHeader(vaultFiles(vaultDir)).throttle).toEqual({ failures: 0, notBefore: null })
  })

  it('gives THROTTLED at once when the caller will not wait that long, and says for how long', async () => {
    const deps = testDeps()
    ;(await newTestVault(temp.dir, deps)).session.lock()
    for (let i = 0; i < 7; i++) await codeOf(unlockWithPassword(vaultDir, 'wrong', deps))
    const error = await unlockWithPassword(vaultDir, PASSWORD, deps, { maxWaitMs: 0 }).catch(
      (caught: unknown) => caught,
    )
    expect(error).toMatchObject({ code: 'THROTTLED', message: expect.stringMatching(/Try again in 4 s/) })
  })
})

describe('recovery and password changes', () => {
  it('the recovery code opens the vault; recovering sets a new password and a new code, and the old ones stop working', async () => {
    const { session, recoveryCode } = await newTestVault(temp.dir)
    session.lock()
    const recovered = await unlockWithRecoveryCode(vaultDir, recoveryCode.toLowerCase().replace(/-/g, ' '), testDeps())
    const newCode = await changeMasterKey(recovered, 'a new password', FAST_KDF, 'recovered')
    recovered.lock()
    expect(newCode).not.toBe(recoveryCode)
    expect(await codeOf(unlockWithPassword(vaultDir, PASSWORD, testDeps()))).toBe('WRONG_PASSWORD')
    expect(await codeOf(unlockWithRecoveryCode(vaultDir, recoveryCode, testDeps()))).toBe('WRONG_PASSWORD')
    ;(await unlockWithPassword(vaultDir, 'a new password', testDeps())).lock()
    ;(await unlockWithRecoveryCode(vaultDir, newCode, testDeps())).lock()
  })

  it('a wrong recovery code is refused', async () => {
    ;(await newTestVault(temp.dir)).session.lock()
    expect(await codeOf(unlockWithRecoveryCode(vaultDir, '00000-00000-00000-00000-00000-00000', testDeps()))).toBe(
      'WRONG_PASSWORD',
    )
  })

  it('a password change re-keys the database: the old password with an old header opens nothing written after it', async () => {
    const { session } = await newTestVault(temp.dir)
    createKey(session, { provider: 'solo', name: 'main' }, 'solo-secret-value-1')
    const files = vaultFiles(vaultDir)
    const oldHeader = readFileSync(files.header)
    await changeMasterKey(session, 'new password', FAST_KDF)
    createKey(session, { provider: 'solo', name: 'later' }, 'added-after-the-change')
    session.lock()
    // The attack from the issue: the live vault.db beside a header the old password opens (a backup's).
    const attacker = path.join(temp.dir, 'attacker')
    mkdirSync(attacker)
    copyFileSync(files.database, path.join(attacker, 'vault.db'))
    writeFileSync(path.join(attacker, 'vault.json'), oldHeader)
    expect(await codeOf(unlockWithPassword(attacker, PASSWORD, testDeps()))).toBe('VAULT_CORRUPT')
    const reopened = await unlockWithPassword(vaultDir, 'new password', testDeps())
    expect(revealValue(reopened, keyIdOf(reopened, 'solo/main'))).toBe('solo-secret-value-1')
    expect(revealValue(reopened, keyIdOf(reopened, 'solo/later'))).toBe('added-after-the-change')
    reopened.lock()
  })

  it('a change refused because another connection has the vault open changes nothing', async () => {
    const { session } = await newTestVault(temp.dir)
    const other = await unlockWithPassword(vaultDir, PASSWORD, testDeps())
    await expect(changeMasterKey(session, 'new password', FAST_KDF)).rejects.toMatchObject({ code: 'VAULT_BUSY' })
    other.lock()
    session.lock()
    expect(readHeader(vaultFiles(vaultDir)).rekey).toBeUndefined()
    ;(await unlockWithPassword(vaultDir, PASSWORD, testDeps())).lock()
    expect(await codeOf(unlockWithPassword(vaultDir, 'new password', testDeps()))).toBe('WRONG_PASSWORD')
  })
})

describe('device unlock', () => {
  const xorStore = (available = true): DeviceKeyStore => ({
    isAvailable: () => available,
    encrypt: (plain) => Buffer.from(plain.map((byte) => byte ^ 0x5a)),
    decrypt: (sealed) => Buffer.from(sealed.map((byte) => byte ^ 0x5a)),
  })

  it('opens with the keychain once enabled', async () => {
    const { session } = await newTestVault(temp.dir)
    enableDeviceUnlock(session, xorStore())
    session.lock()
    const opened = await unlockWithDevice(vaultDir, xorStore(), testDeps())
    expect(opened).not.toBeNull()
    opened?.lock()
  })

  it('falls back (null) when the keychain fails, is unavailable or returns garbage, and changes nothing', async () => {
    const { session } = await newTestVault(temp.dir)
    enableDeviceUnlock(session, xorStore())
    session.lock()
    const headerBefore = readFileSync(vaultFiles(vaultDir).header)
    const failing: DeviceKeyStore = {
      isAvailable: () => true,
      encrypt: (b) => b,
      decrypt: () => {
        throw new Error('keychain locked')
      },
    }
    const garbage: DeviceKeyStore = { isAvailable: () => true, encrypt: (b) => b, decrypt: () => Buffer.alloc(32, 7) }
    expect(await unlockWithDevice(vaultDir, failing, testDeps())).toBeNull()
    expect(await unlockWithDevice(vaultDir, xorStore(false), testDeps())).toBeNull()
    expect(await unlockWithDevice(vaultDir, garbage, testDeps())).toBeNull()
    expect(readFileSync(vaultFiles(vaultDir).header).equals(headerBefore)).toBe(true)
    ;(await unlockWithPassword(vaultDir, PASSWORD, testDeps())).lock()
  })

  it('asks for the password again 14 days after it last opened the vault; a password unlock restarts the 14 days', async () => {
    const deps = testDeps(manualClock('2027-01-01T00:00:00Z'))
    const { session } = await newTestVault(temp.dir, deps)
    enableDeviceUnlock(session, xorStore())
    session.lock()
    deps.clock.advance(13 * 86_400_000)
    ;(await unlockWithDevice(vaultDir, xorStore(), deps))?.lock()
    expect(deviceUnlockState(readHeader(vaultFiles(vaultDir)), deps.clock.now())).toBe('ready')
    deps.clock.advance(2 * 86_400_000)
    expect(deviceUnlockState(readHeader(vaultFiles(vaultDir)), deps.clock.now())).toBe('password-due')
    await expect(unlockWithDevice(vaultDir, xorStore(), deps)).rejects.toMatchObject({
      code: 'UNSUPPORTED',
      message: expect.stringMatching(/every 14 days/),
    })
    ;(await unlockWithPassword(vaultDir, PASSWORD, deps)).lock()
    expect(deviceUnlockState(readHeader(vaultFiles(vaultDir)), deps.clock.now())).toBe('ready')
  })

  it('refuses to enable on a system without a protected keychain', async () => {
    const { session } = await newTestVault(temp.dir)
    expect(() => enableDeviceUnlock(session, xorStore(false))).toThrow(/no protected keychain/)
    session.lock()
  })
})

describe('damaged and newer vaults', () => {
  async function vaultWithBackup(): Promise<void> {
    const { session } = await newTestVault(temp.dir)
    createKey(session, { provider: 'aisoule', name: 'k' }, 'ak_live_123456789')
    session.lock()
    ;(await unlockWithPassword(vaultDir, PASSWORD, testDeps())).lock() // takes the daily backup
  }

  it('a truncated vault.db gives VAULT_CORRUPT naming the newest backup, never an empty vault', async () => {
    await vaultWithBackup()
    const files = vaultFiles(vaultDir)
    truncateSync(files.database, 8192)
    const error = await unlockWithPassword(vaultDir, PASSWORD, testDeps()).catch((caught: unknown) => caught)
    expect(error).toMatchObject({
      code: 'VAULT_CORRUPT',
      message: expect.stringContaining(path.join(vaultDir, 'backups')),
    })
  })

  it('an empty or missing vault.db gives VAULT_CORRUPT', async () => {
    await vaultWithBackup()
    writeFileSync(vaultFiles(vaultDir).database, '')
    expect(await codeOf(unlockWithPassword(vaultDir, PASSWORD, testDeps()))).toBe('VAULT_CORRUPT')
  })

  it('garbage in vault.db gives VAULT_CORRUPT', async () => {
    await vaultWithBackup()
    writeFileSync(vaultFiles(vaultDir).database, Buffer.alloc(65536, 0x41))
    expect(await codeOf(unlockWithPassword(vaultDir, PASSWORD, testDeps()))).toBe('VAULT_CORRUPT')
  })

  it('a header of a newer format gives VAULT_TOO_NEW; a damaged one VAULT_CORRUPT', async () => {
    await vaultWithBackup()
    const file = vaultFiles(vaultDir).header
    const header = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
    writeFileSync(file, JSON.stringify({ ...header, format: 2 }))
    expect(await codeOf(unlockWithPassword(vaultDir, PASSWORD, testDeps()))).toBe('VAULT_TOO_NEW')
    writeFileSync(file, '{"format": 1, "vaultId": ')
    expect(await codeOf(unlockWithPassword(vaultDir, PASSWORD, testDeps()))).toBe('VAULT_CORRUPT')
  })

  it.each([
    ['memoryKiB', 8 * 1024 * 1024],
    ['iterations', 2 ** 32],
    ['parallelism', 64],
    ['memoryKiB', 1024],
  ])(
    'a header asking for Argon2id %s = %d is VAULT_CORRUPT at once, with a message that says so (never run)',
    async (field, value) => {
      ;(await newTestVault(temp.dir)).session.lock()
      const file = vaultFiles(vaultDir).header
      const header = JSON.parse(readFileSync(file, 'utf8')) as { kdf: Record<string, unknown> }
      writeFileSync(file, JSON.stringify({ ...header, kdf: { ...header.kdf, [field]: value } }))
      // readHeader refuses it, so no KDF runs: 8 GiB would be allocated, 2^32 iterations would hang.
      await expect(unlockWithPassword(vaultDir, PASSWORD, testDeps())).rejects.toMatchObject({
        code: 'VAULT_CORRUPT',
        message: expect.stringMatching(
          new RegExp(`asks for Argon2id ${field} = ${value}, outside what Keyward ever writes`),
        ),
      })
    },
  )

  it('a database written by a newer schema gives VAULT_TOO_NEW and is left as it was', async () => {
    const { session } = await newTestVault(temp.dir)
    session.db.pragma('user_version = 990')
    session.lock()
    expect(await codeOf(unlockWithPassword(vaultDir, PASSWORD, testDeps()))).toBe('VAULT_TOO_NEW')
  })

  it('the backup the message names opens with the same password and holds the data', async () => {
    await vaultWithBackup()
    const backup = path.join(vaultDir, 'backups')
    const [name] = (await import('node:fs')).readdirSync(backup)
    const restored = path.join(temp.dir, 'restored')
    ;(await import('node:fs')).cpSync(path.join(backup, name ?? ''), restored, { recursive: true })
    const session = await unlockWithPassword(restored, PASSWORD, testDeps())
    expect(listKeys(session).map((key) => key.ref)).toEqual(['aisoule/k'])
    session.lock()
  })
})

describe('integrity checks', () => {
  it('damage past the pages an open reads is caught by the next full check (daily, doctor), naming the backup', async () => {
    const { checkIntegrity } = await import('../../../../src-main/core/db/openDatabase')
    const { restoreHint } = await import('../../../../src-main/core/vault/backups')
    const { importKeys } = await import('../../../../src-main/core/keys/keyRepository')
    const { session } = await newTestVault(temp.dir)
    importKeys(
      session,
      Array.from({ length: 400 }, (_, i) => ({
        key: { provider: 'bulk', name: `k${i}`, notes: 'n'.repeat(300) },
        value: `value-${i}-0000000000`,
      })),
    )
    session.lock()
    ;(await unlockWithPassword(vaultDir, PASSWORD, testDeps())).lock() // daily backup
    const files = vaultFiles(vaultDir)
    const bytes = readFileSync(files.database)
    bytes.fill(0x13, bytes.length - 4096 * 3, bytes.length - 4096 * 2) // one page near the end
    writeFileSync(files.database, bytes)
    const reopened = await unlockWithPassword(vaultDir, PASSWORD, testDeps())
    try {
      expect(() => checkIntegrity(reopened.db, files.database, restoreHint(files))).toThrow(
        expect.objectContaining({ code: 'VAULT_CORRUPT', message: expect.stringContaining('backups') }),
      )
    } finally {
      reopened.lock()
    }
  })
})

describe('migrating an existing vault', () => {
  it('takes a backup before the migration, then applies it', async () => {
    const { session } = await newTestVault(temp.dir)
    // Back to schema 10: what migrations 20 and later created goes.
    session.db.exec('DROP TABLE settings; DROP TABLE value_keys; DROP INDEX events_by_key; DROP TABLE rotations')
    for (const index of ['deadline', 'expiry', 'rotation_due', 'remind_before', 'undated', 'last_use', 'rejected'])
      session.db.exec(`DROP INDEX keys_${index}`)
    session.db.exec('DROP TRIGGER keys_local_use; DROP TABLE vault_state; ALTER TABLE usages DROP COLUMN origin')
    session.db.exec('DROP TABLE trash_versions; DROP TABLE trash')
    for (const column of ['last_use', 'deadline', 'rotation_due', 'local_used_at'])
      session.db.exec(`ALTER TABLE keys DROP COLUMN ${column}`)
    session.db.pragma('user_version = 10')
    session.lock()
    const reopened = await unlockWithPassword(vaultDir, PASSWORD, testDeps())
    expect(reopened.db.pragma('user_version', { simple: true })).toBe(latestVersion())
    reopened.lock()
    const { readdirSync } = await import('node:fs')
    expect(readdirSync(path.join(vaultDir, 'backups')).some((name) => name.endsWith('-before-schema-20'))).toBe(true)
  })
})
