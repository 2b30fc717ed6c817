// A password change is exclusive for its whole duration (issue 18): whatever opens the vault while `passwd` is in
// the middle waits for it or is refused — it never writes into the file about to be replaced, shares its -wal, backs
// up the change record, or calls the vault damaged. Each race is forced: the preload stops a process at a named
// file-system call (helpers/pauseAtCall.ts) while the other acts, so no test depends on timing luck.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { keyward, initVault } from '../helpers/cli'
import { keywardOnTerminal } from '../helpers/onTerminal'
import { startKeyward } from '../helpers/pausedKeyward'
import { tempDir } from '../helpers/testVault'

const OLD = 'old password for the race'
const NEW = 'new password for the race'
const FAST = ['--kdf-memory', '19', '--kdf-iterations', '2', '--kdf-parallelism', '1', '--allow-weak-password']
const temp = tempDir('keyward-passwd-race-')
let vaultDir = ''
let round = 0
afterAll(() => temp.remove())

beforeEach(async () => {
  vaultDir = path.join(temp.dir, `vault-${++round}`)
  await initVault(vaultDir, OLD)
  const add = await keyward(['--vault', vaultDir, 'add', 'first', '--provider', 'solo', '--value-stdin'], {
    env: { KEYWARD_PASSWORD: OLD },
    input: 'first-value-0001',
  })
  expect(add.code, add.stderr).toBe(0)
})

const at = (call: string, file: string, nth = 1) => `${call}|${path.join(vaultDir, file)}|${nth}`
const as = (password: string) => ({ KEYWARD_PASSWORD: password })
const names = async (password: string) => {
  const list = await keyward(['--vault', vaultDir, 'list', '--json'], { env: as(password) })
  expect(list.code, list.stderr).toBe(0)
  return (JSON.parse(list.stdout) as { name: string }[]).map((key) => key.name).sort()
}
/** Every check of doctor passes but the KDF floor (test vaults use the fast KDF on purpose). */
const doctorGreen = async (password: string) => {
  const doctor = await keyward(['--vault', vaultDir, 'doctor'], { env: as(password) })
  const failing = doctor.stdout
    .split('\n')
    .filter((line) => line.startsWith('FAIL') && !line.includes('key derivation'))
  expect(failing).toEqual([])
  expect(doctor.stdout).toMatch(/database integrity: ok/)
}

describe('passwd holds the vault to itself from its first step to its last', () => {
  it('a command and a backup started between the record and the rename wait for it: nothing reported added is lost', async () => {
    const passwd = await startKeyward(
      ['--vault', vaultDir, 'passwd', ...FAST],
      { KEYWARD_PASSWORD: OLD, KEYWARD_NEW_PASSWORD: NEW },
      { pauseAt: at('renameSync', 'vault.db.rekey') },
    )
    await passwd.reached()
    const add = await startKeyward(
      ['--vault', vaultDir, 'add', 'during', '--provider', 'solo', '--value-stdin'],
      as(OLD),
      { input: 'during-value-0002' },
    )
    const backup = await startKeyward(['--vault', vaultDir, 'backup'], as(OLD))
    // Both must be held at the door while the change is under way (a second, then they say why they wait).
    expect(await add.saw(/Waiting for a password change/)).toBe(true)
    expect(await backup.saw(/Waiting for a password change/)).toBe(true)
    passwd.go()
    const [changed, added, backedUp] = await Promise.all([passwd.done, add.done, backup.done])
    expect(changed.code, changed.stderr).toBe(0)
    // They waited, then met the new password: refused, having written nothing — never "Added" and gone.
    expect(added.stderr).not.toMatch(/Added/)
    expect(added.stderr).toMatch(/Wrong password/)
    expect(backedUp.code).not.toBe(0)
    expect(await names(NEW)).toEqual(['first'])
    await doctorGreen(NEW)
    // No backup anywhere holds a change record (with it the old password would open the new database).
    const backups = path.join(vaultDir, 'backups')
    for (const name of existsSync(backups) ? readdirSync(backups) : []) {
      expect(JSON.parse(readFileSync(path.join(backups, name, 'vault.json'), 'utf8'))).not.toHaveProperty('rekey')
    }
    // Owner-only whatever the umask: VACUUM INTO made the copy that is now vault.db.
    for (const file of ['vault.db', 'vault.db-wal', 'vault.db-shm', 'vault.lock']) {
      const full = path.join(vaultDir, file)
      if (existsSync(full)) expect((statSync(full).mode & 0o777).toString(8), file).toBe('600')
    }
  }, 120_000)

  it('the same command given the new password waits, then adds into the re-keyed vault', async () => {
    const passwd = await startKeyward(
      ['--vault', vaultDir, 'passwd', ...FAST],
      { KEYWARD_PASSWORD: OLD, KEYWARD_NEW_PASSWORD: NEW },
      { pauseAt: at('renameSync', 'vault.db.rekey') },
    )
    await passwd.reached()
    const add = await startKeyward(
      ['--vault', vaultDir, 'add', 'during', '--provider', 'solo', '--value-stdin'],
      as(NEW),
      { input: 'during-value-0002' },
    )
    expect(await add.saw(/Waiting for a password change/)).toBe(true)
    passwd.go()
    const [changed, added] = await Promise.all([passwd.done, add.done])
    expect(changed.code, changed.stderr).toBe(0)
    expect(added.code, added.stderr).toBe(0)
    expect(await names(NEW)).toEqual(['during', 'first'])
    await doctorGreen(NEW)
  }, 120_000)

  it('an unlock that read the header before passwd began keeps its vault, and passwd is refused: never "damaged"', async () => {
    // `list` has unwrapped the key with the header as it was and is about to open vault.db.
    const list = await startKeyward(['--vault', vaultDir, 'list'], as(OLD), { pauseAt: at('existsSync', 'vault.db') })
    await list.reached()
    const passwd = await keyward(['--vault', vaultDir, 'passwd', ...FAST], {
      env: { KEYWARD_PASSWORD: OLD, KEYWARD_NEW_PASSWORD: NEW },
    })
    list.go()
    const listed = await list.done
    expect(listed.stderr).not.toMatch(/damaged|restore/i)
    expect(listed.code, listed.stderr).toBe(0)
    expect(listed.stdout).toMatch(/first/)
    expect(passwd.code).not.toBe(0)
    expect(passwd.stderr).toMatch(/has this vault open/)
    expect(await names(OLD)).toEqual(['first'])
    await doctorGreen(OLD)
  }, 120_000)
})

describe('passwd after others wrote while it waited for the vault', () => {
  it('copies what is on disk, not what its connection cached before: the re-keyed vault passes its integrity check', async () => {
    // passwd has unlocked (its connection has read the pages) and is about to take the vault to itself…
    const passwd = await startKeyward(
      ['--vault', vaultDir, 'passwd', ...FAST],
      { KEYWARD_PASSWORD: OLD, KEYWARD_NEW_PASSWORD: NEW },
      { pauseAt: at('existsSync', 'vault.lock', 2) },
    )
    await passwd.reached()
    // …when other commands write (each commit goes through the WAL, then into the file when the last one closes).
    // (Each round's three commands at once: how the soak met it. Which interleaving leaves the stale pages is not
    // pinned down; without the fix this fails in about half the runs, the soak in nearly every one.)
    for (let n = 0; n < 10; n++) {
      const [add] = await Promise.all([
        keyward(['--vault', vaultDir, 'add', `while-${n}`, '--provider', 'solo', '--value-stdin'], {
          env: as(OLD),
          input: `while-value-${n}-000`,
        }),
        keyward(['--vault', vaultDir, 'backup'], { env: as(OLD) }),
        keyward(['--vault', vaultDir, 'list'], { env: as(OLD) }),
      ])
      expect(add.code, add.stderr).toBe(0)
    }
    passwd.go()
    const changed = await passwd.done
    expect(changed.code, changed.stderr).toBe(0)
    await doctorGreen(NEW)
    expect(await names(NEW)).toEqual(['first', ...Array.from({ length: 10 }, (_, n) => `while-${n}`)].sort())
  }, 120_000)
})

describe('passwd killed at each step: the next unlock says what became of the change', () => {
  it('killed before the rename (nothing changed): the old password opens and hears so; the new one is refused, saying why', async () => {
    const passwd = await startKeyward(
      ['--vault', vaultDir, 'passwd', ...FAST],
      { KEYWARD_PASSWORD: OLD, KEYWARD_NEW_PASSWORD: NEW },
      { pauseAt: at('renameSync', 'vault.db.rekey') },
    )
    await passwd.reached()
    passwd.kill()
    expect((await passwd.done).signal).toBe('SIGKILL')
    const withNew = await keyward(['--vault', vaultDir, 'list'], { env: as(NEW) })
    expect(withNew.code).not.toBe(0)
    expect(withNew.stderr).toMatch(/interrupted before it took effect.*never set/)
    const withOld = await keyward(['--vault', vaultDir, 'list'], { env: as(OLD) })
    expect(withOld.code, withOld.stderr).toBe(0)
    expect(await names(OLD)).toEqual(['first'])
    expect((await keyward(['--vault', vaultDir, 'list'], { env: as(NEW) })).stderr).toMatch(/Wrong password/)
    await doctorGreen(OLD)
  }, 120_000)

  for (const typed of ['old', 'new'] as const) {
    it(`killed after the rename (the change took effect), then unlocked with the ${typed} password: it is finished out loud and a new recovery code is owed`, async () => {
      // passwd looks at vault.db as it opens it: at unlock, for the fresh connection the copy is read through, and —
      // the third time — as it opens the re-keyed file, after the rename.
      const passwd = await startKeyward(
        ['--vault', vaultDir, 'passwd', ...FAST],
        { KEYWARD_PASSWORD: OLD, KEYWARD_NEW_PASSWORD: NEW },
        { pauseAt: at('existsSync', 'vault.db', 3) },
      )
      await passwd.reached()
      passwd.kill()
      await passwd.done
      const unlocked = await keyward(['--vault', vaultDir, 'list'], { env: as(typed === 'old' ? OLD : NEW) })
      expect(unlocked.code, unlocked.stderr).toBe(0)
      expect(unlocked.stderr).toMatch(/interrupted after it had taken effect, and is now finished/)
      expect(unlocked.stderr).toMatch(typed === 'old' ? /no longer opens this vault/ : /new password is the one in use/)
      // No terminal here: the code is not printed into a script's output, and it stays owed.
      expect(unlocked.stderr).toMatch(/Run any keyward command on a terminal/)
      expect(JSON.parse(readFileSync(path.join(vaultDir, 'vault.json'), 'utf8'))).toMatchObject({
        recoveryCodeUnseen: true,
      })
      expect((await keyward(['--vault', vaultDir, 'list'], { env: as(OLD) })).stderr).toMatch(/Wrong password/)
      expect(await names(NEW)).toEqual(['first'])
      const doctor = await keyward(['--vault', vaultDir, 'doctor'], { env: as(NEW) })
      expect(doctor.stdout).toMatch(/^FAIL +recovery code/m)
    }, 120_000)
  }
})

describe('the recovery code a finished change owes', () => {
  it('is shown on a terminal, once, and opens the vault; the header stops asking', async () => {
    const header = path.join(vaultDir, 'vault.json')
    writeFileSync(header, JSON.stringify({ ...JSON.parse(readFileSync(header, 'utf8')), recoveryCodeUnseen: true }))
    const { code, screen } = await keywardOnTerminal(['--vault', vaultDir, 'list'], as(OLD), [])
    expect(code, screen).toBe(0)
    expect(screen).toMatch(/its new recovery code was never shown/)
    const shown = /[0-9A-Z]{5}(?:-[0-9A-Z]{5}){5}/.exec(screen)?.[0] ?? ''
    expect(JSON.parse(readFileSync(header, 'utf8'))).not.toHaveProperty('recoveryCodeUnseen')
    expect((await keyward(['--vault', vaultDir, 'list'], { env: as(OLD) })).stderr).not.toMatch(/recovery code/)
    const recovered = await keyward(['--vault', vaultDir, 'recover', '--allow-weak-password'], {
      env: { KEYWARD_RECOVERY_CODE: shown, KEYWARD_NEW_PASSWORD: NEW },
    })
    expect(recovered.code, recovered.stderr).toBe(0)
  }, 60_000)
})
