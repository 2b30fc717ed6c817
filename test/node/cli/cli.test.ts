// The built `keyward` CLI, run as a process: exit codes, --json shapes, prompts without a terminal.
import { copyFileSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { initVault, keyward } from '../helpers/cli'
import { tempDir } from '../helpers/testVault'

const temp = tempDir('keyward-cli-')
const vault = path.join(temp.dir, 'vault')
const env = { KEYWARD_VAULT_DIR: vault, KEYWARD_PASSWORD: 'pw-for-cli-tests' }
let recoveryCode = ''

beforeAll(async () => {
  recoveryCode = await initVault(vault, env.KEYWARD_PASSWORD)
  const add = await keyward(
    [
      'add',
      'prod',
      '--provider',
      'stripe',
      '--env-var',
      'STRIPE_SECRET_KEY',
      '--environment',
      'production',
      '--expires',
      '2027-06-30',
      '--rotate-every',
      '90',
      '--tag',
      'payments',
      '--tag',
      'billing',
      '--note',
      'main account',
      '--value-stdin',
    ],
    { env, input: 'sk_live_CliTestValue00001234\n' },
  )
  expect(add).toMatchObject({ code: 0, stdout: '' })
})
afterAll(() => temp.remove())

describe('keyward', () => {
  it('init prints a recovery code and refuses to run twice (exit 1)', async () => {
    expect(recoveryCode).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){5}$/)
    const again = await keyward(['init', '--kdf-memory', '19', '--kdf-iterations', '2', '--allow-weak-password'], {
      env: { ...env, KEYWARD_NEW_PASSWORD: 'x' },
    })
    expect(again.code).toBe(1)
    expect(again.stderr).toMatch(/already exists/)
  })

  it('init refuses KDF settings below the OWASP floor (exit 2)', async () => {
    const run = await keyward(
      ['--vault', path.join(temp.dir, 'weak'), 'init', '--kdf-memory', '8', '--allow-weak-password'],
      {
        env: { KEYWARD_NEW_PASSWORD: 'x' },
      },
    )
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/19 MiB/)
  })

  it('init with explicit KDF flags below the calibrated floor warns (they are for tests and benchmarks)', async () => {
    const run = await keyward(
      [
        '--vault',
        path.join(temp.dir, 'floor'),
        'init',
        '--kdf-memory',
        '19',
        '--kdf-iterations',
        '2',
        '--allow-weak-password',
      ],
      { env: { KEYWARD_NEW_PASSWORD: 'x' } },
    )
    expect(run.code).toBe(0)
    expect(run.stderr).toMatch(/Warning: Argon2id 19 MiB, t=2 is below the 64 MiB\/t=3 floor/)
  })

  it('get prints exactly the value and a newline; --vault overrides $KEYWARD_VAULT_DIR', async () => {
    expect(await keyward(['get', 'stripe/prod'], { env })).toMatchObject({
      code: 0,
      stdout: 'sk_live_CliTestValue00001234\n',
    })
    const viaFlag = await keyward(['--vault', vault, 'get', 'prod'], {
      env: { KEYWARD_PASSWORD: env.KEYWARD_PASSWORD },
    })
    expect(viaFlag.stdout).toBe('sk_live_CliTestValue00001234\n')
  })

  it('show --json and list --json give the documented key shape, without the value', async () => {
    const shown = JSON.parse((await keyward(['show', 'prod', '--json'], { env })).stdout) as Record<string, unknown>
    expect(Object.keys(shown).sort()).toEqual([
      'createdAt',
      'envVar',
      'environment',
      'expiresAt',
      'hint',
      'id',
      'lastUsedAt',
      'lastVerifiedAt',
      'lastVerifyResult',
      'metadata',
      'name',
      'notes',
      'provider',
      'ref',
      'remindBeforeDays',
      'rotateEveryDays',
      'rotatedAt',
      'state',
      'status',
      'tags',
      'updatedAt',
      'usageCount',
      'usages',
    ])
    expect(shown).toMatchObject({
      ref: 'stripe/prod',
      envVar: 'STRIPE_SECRET_KEY',
      environment: 'production',
      expiresAt: '2027-06-30',
      rotateEveryDays: 90,
      tags: ['payments', 'billing'],
      notes: 'main account',
      hint: '1234',
      status: 'active',
    })
    expect(shown.state).toMatchObject({
      kind: 'unverified',
      reason: 'never verified with the provider',
      attention: false,
    })
    // show adds where the key is written; list is the key records alone.
    const listed = JSON.parse((await keyward(['list', '--json'], { env })).stdout) as unknown[]
    const { usages, ...record } = shown as { usages: unknown }
    expect(usages).toEqual([])
    expect(listed).toEqual([record])
  })

  it('list prints a table without colour when stdout is not a terminal', async () => {
    const run = await keyward(['list'], { env })
    expect(run.stdout).toMatch(/^KEY\s+ENV VAR\s+ENVIRONMENT\s+STATUS\s+EXPIRES\s+ROTATE\s+VALUE\n/)
    expect(run.stdout).toContain('stripe/prod')
    expect(run.stdout).not.toContain('\u001b[')
  })

  it('search finds by substring of any field', async () => {
    const found = JSON.parse((await keyward(['search', 'billi', '--json'], { env })).stdout) as { ref: string }[]
    expect(found.map((key) => key.ref)).toEqual(['stripe/prod'])
  })

  it('exits 3 for a wrong password and for no password at all without a terminal', async () => {
    const wrong = await keyward(['list'], { env: { ...env, KEYWARD_PASSWORD: 'nope' } })
    expect(wrong.code).toBe(3)
    expect(wrong.stderr).toMatch(/Wrong password\. \d attempts? left/)
    const none = await keyward(['list'], { env: { KEYWARD_VAULT_DIR: vault } })
    expect(none.code).toBe(3)
    expect(none.stderr).toMatch(/KEYWARD_PASSWORD/)
    await keyward(['list'], { env }) // a right password resets the counter
  })

  it('exits 4 for an unknown key or vault, 2 for usage errors, with no stack trace', async () => {
    const missing = await keyward(['get', 'stripe/none'], { env })
    expect(missing.code).toBe(4)
    expect((await keyward(['list'], { env: { ...env, KEYWARD_VAULT_DIR: path.join(temp.dir, 'none') } })).code).toBe(4)
    for (const args of [
      ['frobnicate'],
      ['add', 'x'],
      ['edit', 'prod', '--rotate-every', 'often'],
      ['add', 'x', '--provider', 'solo'],
    ]) {
      const run = await keyward(args, { env })
      expect(run.code, args.join(' ')).toBe(2)
      expect(run.stderr).not.toMatch(/\n\s+at /)
    }
  })

  it('refuses to delete without --yes when there is no terminal, then deletes with it', async () => {
    await keyward(['add', 'temp', '--provider', 'solo', '--value-stdin'], { env, input: 'temporary-value-99' })
    expect((await keyward(['rm', 'temp'], { env })).code).toBe(2)
    expect((await keyward(['rm', 'temp', '--yes'], { env })).code).toBe(0)
    expect((await keyward(['show', 'temp'], { env })).code).toBe(4)
  })

  it('edit and set-value keep history; history --json has the documented shape', async () => {
    await keyward(['add', 'hist', '--provider', 'aisoule', '--value-stdin'], { env, input: 'ak_live_first_00001\n' })
    expect((await keyward(['edit', 'hist', '--expires', '2027-01-01', '--tag', 'x', '--json'], { env })).code).toBe(0)
    expect(
      (
        await keyward(['set-value', 'hist', '--value-stdin', '--reason', 'rotated'], {
          env,
          input: 'ak_live_second_0002\r\n',
        })
      ).code,
    ).toBe(0)
    expect((await keyward(['get', 'hist'], { env })).stdout).toBe('ak_live_second_0002\n')
    const history = JSON.parse((await keyward(['history', 'hist', '--json'], { env })).stdout) as {
      key: string
      versions: Record<string, unknown>[]
    }
    expect(history.key).toBe('aisoule/hist')
    expect(history.versions.map((version) => [version.current, version.retiredReason, version.hint])).toEqual([
      [true, null, '0002'],
      [false, 'rotated', '0001'],
    ])
  })

  it('audit --json lists events newest first; doctor flags only the test-strength KDF; backup prints its path', async () => {
    const events = JSON.parse((await keyward(['audit', '--json', '--limit', '5'], { env })).stdout) as {
      action: string
      actor: string
    }[]
    expect(events).toHaveLength(5)
    // Every command's own unlock and lock are hidden unless asked for (issue 25).
    expect(events.map((event) => event.action)).not.toContain('unlocked')
    const withUnlocks = JSON.parse((await keyward(['audit', '-j', '--limit', '5', '--unlocks'], { env })).stdout) as {
      action: string
      actor: string
    }[]
    expect(withUnlocks[0]).toMatchObject({ action: 'unlocked', actor: 'cli' })
    const doctor = JSON.parse((await keyward(['doctor', '--json'], { env })).stdout) as {
      healthy: boolean
      checks: { check: string; ok: boolean }[]
    }
    // The vault was made with --kdf-memory 19 --kdf-iterations 2 (test speed): doctor says so, and only that.
    expect(doctor.healthy).toBe(false)
    expect(doctor.checks.filter((check) => !check.ok).map((check) => check.check)).toEqual(['key derivation'])
    expect(doctor.checks.map((check) => check.check)).toContain('database integrity')
    const backup = await keyward(['backup'], { env })
    expect(backup.stdout.trim()).toMatch(new RegExp(`^${path.join(vault, 'backups')}/.+-manual$`))
  })

  it('passwd sets a new password and a new recovery code; recover does the same; each old one stops working', async () => {
    const passwd = await keyward(['passwd', '--allow-weak-password'], {
      env: { ...env, KEYWARD_NEW_PASSWORD: 'second-password' },
    })
    expect(passwd.code, passwd.stderr).toBe(0)
    expect(passwd.stderr).toMatch(/the old password and the old recovery code open nothing from now on/)
    const secondCode = passwd.stdout.trim()
    expect(secondCode).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){5}$/)
    expect(secondCode).not.toBe(recoveryCode)
    expect((await keyward(['list'], { env })).code).toBe(3)
    const stale = await keyward(['recover', '--allow-weak-password'], {
      env: { KEYWARD_VAULT_DIR: vault, KEYWARD_RECOVERY_CODE: recoveryCode, KEYWARD_NEW_PASSWORD: 'x' },
    })
    expect(stale.code).toBe(3)
    const recovered = await keyward(['recover', '--allow-weak-password'], {
      env: { KEYWARD_VAULT_DIR: vault, KEYWARD_RECOVERY_CODE: secondCode, KEYWARD_NEW_PASSWORD: env.KEYWARD_PASSWORD },
    })
    expect(recovered.code, recovered.stderr).toBe(0)
    expect(recovered.stdout.trim()).not.toBe(secondCode)
    expect((await keyward(['list'], { env: { ...env, KEYWARD_PASSWORD: 'second-password' } })).code).toBe(3)
    expect(
      (
        await keyward(['recover', '--allow-weak-password'], {
          env: { KEYWARD_VAULT_DIR: vault, KEYWARD_RECOVERY_CODE: secondCode, KEYWARD_NEW_PASSWORD: 'y' },
        })
      ).code,
    ).toBe(3)
    expect((await keyward(['get', 'prod'], { env })).stdout).toBe('sk_live_CliTestValue00001234\n')
  })

  it("the attack from the issue: backup, passwd, add; the old password with the backup's header reads nothing new", async () => {
    const backup = (await keyward(['backup'], { env })).stdout.trim()
    const passwd = await keyward(['passwd', '--allow-weak-password'], {
      env: { ...env, KEYWARD_NEW_PASSWORD: 'third-password' },
    })
    expect(passwd.code).toBe(0)
    const third = { ...env, KEYWARD_PASSWORD: 'third-password' }
    expect(
      (
        await keyward(['add', 'later', '--provider', 'solo', '--no-format-check', '--value-stdin'], {
          env: third,
          input: 'added-after-passwd-0000',
        })
      ).code,
    ).toBe(0)
    const attacker = path.join(temp.dir, 'attacker')
    mkdirSync(attacker)
    copyFileSync(path.join(vault, 'vault.db'), path.join(attacker, 'vault.db'))
    copyFileSync(path.join(backup, 'vault.json'), path.join(attacker, 'vault.json'))
    const stolen = await keyward(['--vault', attacker, 'get', 'later'], {
      env: { KEYWARD_PASSWORD: env.KEYWARD_PASSWORD },
    })
    expect(stolen.code).not.toBe(0)
    expect(stolen.stdout).not.toContain('added-after-passwd')
    const restored = await keyward(['--vault', attacker, 'list'], { env: { KEYWARD_PASSWORD: 'third-password' } })
    expect(restored.code).not.toBe(0)
    // Put the password back for the rest of this suite.
    expect(
      (
        await keyward(['passwd', '--allow-weak-password'], {
          env: { ...third, KEYWARD_NEW_PASSWORD: env.KEYWARD_PASSWORD },
        })
      ).code,
    ).toBe(0)
  })

  it('has --help for every command', async () => {
    for (const command of [
      'init',
      'add',
      'list',
      'show',
      'get',
      'search',
      'edit',
      'set-value',
      'history',
      'rm',
      'audit',
      'passwd',
      'recover',
      'backup',
      'doctor',
    ]) {
      const run = await keyward([command, '--help'])
      expect(run.code, command).toBe(0)
      expect(run.stdout).toContain(`Usage: keyward ${command}`)
    }
  })
})
