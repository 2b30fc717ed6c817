// A user-defined provider: validated, stored in the vault, used by add (detection) and verify.
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSimulator, type RunningSimulator } from '../../simulators/simulatorServer'
import { initVault, keyward } from '../helpers/cli'
import { tempDir } from '../helpers/testVault'

const temp = tempDir('keyward-custom-')
const env = { KEYWARD_VAULT_DIR: path.join(temp.dir, 'vault'), KEYWARD_PASSWORD: 'custom-tests' }
let api: RunningSimulator

beforeAll(async () => {
  api = await startSimulator((request) =>
    request.headers['x-acme-token'] === 'acme_live_0123456789' && request.path === '/v2/me'
      ? { status: 204 }
      : { status: 401, body: {} },
  )
  await initVault(env.KEYWARD_VAULT_DIR, env.KEYWARD_PASSWORD)
})
afterAll(async () => {
  await api.close()
  temp.remove()
})

describe('custom providers', () => {
  it('refuses invalid definitions with a clear message, and built-in ids', async () => {
    const base = [
      'provider',
      'add',
      'acme',
      '--name',
      'Acme',
      '--auth',
      'header:X-Acme-Token',
      '--verify-path',
      '/v2/me',
    ]
    const http = await keyward([...base, '--base-url', 'http://example.com/api'], { env })
    expect(http.code).toBe(2)
    expect(http.stderr).toMatch(/keyward: --base-url: https, or plain http to 127\.0\.0\.1/)
    expect(
      (await keyward([...base, '--base-url', `${api.origin}/v2`, '--key-pattern', '(unclosed'], { env })).stderr,
    ).toMatch(/not a regular expression Keyward can match/)
    expect(
      (await keyward([...base.slice(0, 2), 'stripe', ...base.slice(3), '--base-url', `${api.origin}/v2`], { env }))
        .stderr,
    ).toMatch(/built-in provider/)
  })

  it.each([
    [
      'a key pattern with look-ahead (RE2 cannot match it in linear time)',
      ['--key-pattern', '^(?!test_)[a-z]+$'],
      /RE2 syntax: no look-around or back-references/,
    ],
    ['a key pattern with a back-reference', ['--key-pattern', '^(a)\\1$'], /RE2 syntax/],
    ['a dashboard that is not https', ['--dashboard', 'http://acme.example/keys'], /an https URL without credentials/],
    [
      'a dashboard with credentials',
      ['--dashboard', 'https://user:pw@acme.example/keys'],
      /an https URL without credentials/,
    ],
    [
      'a javascript: dashboard',
      ['--dashboard', 'javascript:alert(1)'],
      /keyward: --dashboard: an https URL without credentials/,
    ],
  ])('refuses %s (exit 2), storing nothing', async (_, extra, message) => {
    const run = await keyward(
      [
        'provider',
        'add',
        'acme2',
        '--name',
        'Acme',
        '--auth',
        'bearer',
        '--verify-path',
        '/v2/me',
        '--base-url',
        `${api.origin}/v2`,
        ...extra,
      ],
      { env },
    )
    expect(run.stderr).toMatch(message)
    expect(run.code).toBe(2)
    expect((await keyward(['provider', 'list', '--json'], { env })).stdout).not.toContain('acme2')
  })

  it('matches patterns that would backtrack catastrophically in linear time: importing a hostile line never hangs', async () => {
    // Accepted by the old ReDoS check (it could not parse the named group), then `env import` of this line hung.
    const saved = await keyward(
      [
        'provider',
        'add',
        'evil',
        '--name',
        'Evil',
        '--auth',
        'bearer',
        '--verify-path',
        '/v2/me',
        '--base-url',
        `${api.origin}/v2`,
        '--key-pattern',
        '^(?<x>a+)+$',
      ],
      { env },
    )
    expect(saved.code, saved.stderr).toBe(0)
    const dir = path.join(temp.dir, 'hostile')
    mkdirSync(dir)
    writeFileSync(path.join(dir, '.env'), `EVIL_KEY=${'a'.repeat(50_000)}!\nEVIL_OK=${'a'.repeat(40)}\n`)
    const imported = await keyward(['env', 'import', path.join(dir, '.env'), '--dry-run', '--json'], { env })
    expect(imported.code, imported.stderr).toBe(0)
    // The hostile pattern ran (detection asks the formats before the placeholder rule) and did not hang; a run of
    // one letter is then a placeholder, never a key.
    expect(JSON.parse(imported.stdout)).toMatchObject({ placeholders: ['EVIL_KEY', 'EVIL_OK'], created: [] })
    expect((await keyward(['provider', 'rm', 'evil'], { env })).code).toBe(0)
  })

  it('refuses a name with control or bidi characters', async () => {
    const run = await keyward(
      [
        'provider',
        'add',
        'acme3',
        '--name',
        'Acme\u202eevil',
        '--auth',
        'bearer',
        '--verify-path',
        '/v2/me',
        '--base-url',
        `${api.origin}/v2`,
      ],
      { env },
    )
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/no control, bidi or zero-width characters/)
  })

  it('once defined, detects its keys on add and verifies them against its endpoint', async () => {
    const saved = await keyward(
      [
        'provider',
        'add',
        'acme',
        '--name',
        'Acme',
        '--base-url',
        `${api.origin}/v2`,
        '--auth',
        'header:X-Acme-Token',
        '--verify-path',
        '/me',
        '--expect-status',
        '204',
        '--key-pattern',
        '^acme_live_[0-9]{10}$',
      ],
      { env },
    )
    expect(saved.code, saved.stderr).toBe(0)
    expect(JSON.parse((await keyward(['provider', 'list', '--json'], { env })).stdout)).toMatchObject([
      { id: 'acme', auth: { kind: 'header', header: 'X-Acme-Token' } },
    ])
    expect((await keyward(['add', 'main', '--value-stdin'], { env, input: 'acme_live_0123456789' })).code).toBe(0)
    expect(JSON.parse((await keyward(['show', 'main', '--json'], { env })).stdout)).toMatchObject({
      ref: 'acme/main',
      envVar: 'ACME_API_KEY',
    })
    expect((await keyward(['verify', 'acme/main'], { env })).stdout).toMatch(/Acme answered 204/)
    await keyward(['add', 'bad', '--provider', 'acme', '--no-format-check', '--value-stdin'], {
      env,
      input: 'acme_live_9999999999',
    })
    expect((await keyward(['verify', 'acme/bad'], { env })).code).toBe(5)
  })
})
