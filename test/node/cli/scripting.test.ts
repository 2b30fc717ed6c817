// The scripting surface (issue 25): global flags anywhere, short flags, JSON everywhere (errors included), the
// window's query language, examples in every help, exit codes for CI, the health fixes, show's extra lines, audit
// filters, tag edits, custom providers that are not replaced by accident, set-value's files, colour rules, and
// verify --all streaming. Each test failed on the CLI before this issue.
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { parse } from 'dotenv'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSolenoidMeterSimulator } from '../../simulators/solenoidMeter'
import { startSoloSimulator, type SoloKey } from '../../simulators/solo'
import type { RunningSimulator } from '../../simulators/simulatorServer'
import { initVault, keyward } from '../helpers/cli'
import { keywardOnTerminal } from '../helpers/onTerminal'
import { tempDir } from '../helpers/testVault'

const temp = tempDir('keyward-scripting-')
const vault = path.join(temp.dir, 'vault')
const PASSWORD = 'scripting-1'
/** The vault is named by --vault after the command in most tests: $KEYWARD_VAULT_DIR points nowhere. */
const env: Record<string, string> = { KEYWARD_VAULT_DIR: path.join(temp.dir, 'elsewhere'), KEYWARD_PASSWORD: PASSWORD }
const simulators: RunningSimulator[] = []
let slowMs = 0

const run = (args: string[], input?: string) => keyward([...args, '--vault', vault], { env, input })

async function add(args: string[], value: string): Promise<void> {
  const added = await run(['add', ...args, '--value-stdin'], value)
  if (added.code !== 0) throw new Error(added.stderr)
}

beforeAll(async () => {
  const meter = await startSolenoidMeterSimulator(new Set(['sm_slow_0123456789abcdef']), { delayMs: () => slowMs })
  const solo = await startSoloSimulator(
    new Map<string, SoloKey>([
      ['solo_fast_key_0000001', { handle: 'fast', scope: [], plan: 'Free', status: 'active', usedToday: 0 }],
    ]),
  )
  simulators.push(meter, solo)
  Object.assign(env, { KEYWARD_SOLENOID_METER_BASE_URL: meter.baseUrl, KEYWARD_SOLO_BASE_URL: solo.baseUrl })
  await initVault(vault, PASSWORD)
  await add(['prod', '--provider', 'stripe', '-e', 'production', '--tag', 'billing'], 'sk_live_Scripting00000000001')
  await add(
    ['old', '--provider', 'openai', '-e', 'production', '--expires', '2021-01-01'],
    `sk-proj-${'a1B2c3D4'.repeat(5)}T3BlbkFJ${'e5F6g7H8'.repeat(5)}`,
  )
  await add(['meter', '--provider', 'solenoid-meter'], 'sm_slow_0123456789abcdef')
  await add(['mail', '--provider', 'solo'], 'solo_fast_key_0000001')
}, 60_000)
afterAll(async () => {
  await Promise.all(simulators.map((simulator) => simulator.close()))
  temp.remove()
})

describe('flags and output for scripts', () => {
  it('takes global flags after the command and short flags -e, -k, -j', async () => {
    const listed = await run(['list', '-e', 'production', '-j'])
    expect(listed.code, listed.stderr).toBe(0)
    expect((JSON.parse(listed.stdout) as { ref: string }[]).map((key) => key.ref)).toEqual([
      'openai/old',
      'stripe/prod',
    ])
    const printed = await keyward(
      [
        'run',
        '--vault',
        vault,
        '-k',
        'stripe/prod',
        '--',
        process.execPath,
        '-e',
        'console.log(process.env.STRIPE_SECRET_KEY)',
      ],
      { env },
    )
    expect(printed.stdout).toBe('sk_live_Scripting00000000001\n')
  })

  it("gives errors one prefix naming the command's help, and the JSON error shape under --json", async () => {
    const usage = await run(['list', '--bogus'])
    expect(usage.code).toBe(2)
    expect(usage.stderr).toMatch(/^keyward: unknown option '--bogus'\n\(keyward list --help lists its options\)/)
    const missing = await run(['get', 'stripe/nope', '-j'])
    expect(missing.code).toBe(4)
    expect(JSON.parse(missing.stderr)).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } })
    const bad = await run(['list', '--bogus', '--json'])
    expect(bad.code).toBe(2)
    expect(JSON.parse(bad.stderr)).toMatchObject({ error: { code: 'INVALID_INPUT' } })
  })

  it('names the flag, not the field, when a value is refused', async () => {
    const refused = await run(['edit', 'stripe/prod', '--env-var', '1BAD'])
    expect(refused.code).toBe(2)
    expect(refused.stderr).toMatch(/^keyward: --env-var: an environment variable name is letters/)
    expect(refused.stderr).not.toMatch(/envVar/)
    const tags = await run(['edit', 'stripe/prod', '--tag', 'has space'])
    expect(tags.stderr).toMatch(/^keyward: --tag: a tag is up to 40 letters/)
  })

  it("lists by tag and state, and searches with the window's query language", async () => {
    const tagged = JSON.parse((await run(['list', '--tag', 'billing', '-j'])).stdout) as { ref: string }[]
    expect(tagged.map((key) => key.ref)).toEqual(['stripe/prod'])
    const expired = JSON.parse((await run(['list', '--status', 'expired', '-j'])).stdout) as { ref: string }[]
    expect(expired.map((key) => key.ref)).toEqual(['openai/old'])
    const wrong = await run(['list', '--status', 'soon'])
    expect(wrong.stderr).toMatch(/--status is one of revoked, expired/)
    const found = JSON.parse((await run(['search', 'env:production is:expired', '-j'])).stdout) as { ref: string }[]
    expect(found.map((key) => key.ref)).toEqual(['openai/old'])
  })

  it('has Examples in the help of keyward and of every command', async () => {
    const commandsOf = (help: string) =>
      [...(help.split('Commands:')[1] ?? '').matchAll(/^ {2}([a-z][\w-]*)/gm)].map((match) => match[1] ?? '')
    const pending = [[] as string[]]
    let checked = 0
    while (pending.length > 0) {
      const words = pending.pop() ?? []
      const help = await keyward([...words, '--help'])
      expect(help.stdout, words.join(' ')).toMatch(/\nExamples:\n {2}\$ .*keyward/)
      checked += 1
      for (const word of commandsOf(help.stdout)) if (word !== 'help') pending.push([...words, word])
    }
    expect(checked).toBeGreaterThan(40)
  }, 60_000)
})

describe('exit codes for CI and cron', () => {
  it('due --exit-code and health --exit-code exit 1 while a key needs attention', async () => {
    expect((await run(['due', '--exit-code'])).code).toBe(1)
    expect((await run(['due'])).code).toBe(0)
    expect((await run(['health', '--exit-code'])).code).toBe(1)
    await run(['edit', 'openai/old', '--expires', 'none'])
    expect((await run(['due', '--exit-code'])).code).toBe(0)
  })
})

describe('health, show and audit', () => {
  it('health groups exposed files with the fix, and --fix applies the safe ones', async () => {
    const project = path.join(temp.dir, 'project')
    mkdirSync(project)
    execFileSync('git', ['init', '-q', project])
    const file = path.join(project, '.env')
    expect((await run(['env', 'write', file, '-k', 'stripe/prod'])).code).toBe(0)
    chmodSync(file, 0o644)
    const report = await run(['health'])
    expect(report.stdout).toContain(`exposed .env files (1)\n  ${file} (stripe/prod)`)
    expect(report.stdout).toMatch(/fix: keyward health --fix \(adds it to \.gitignore\)/)
    expect(report.stdout).toMatch(/fix: keyward health --fix \(chmod 600\)/)
    expect(report.stdout).toMatch(/openai\/old: .*\n {4}fix: keyward edit openai\/old --expires/)
    const fixed = await run(['health', '--fix'])
    expect(fixed.code, fixed.stderr).toBe(0)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(readFileSync(path.join(project, '.gitignore'), 'utf8')).toBe('/.env\n')
    expect(fixed.stdout).toContain('exposed .env files (0)')
  })

  it('show says when the key was last verified, where it is written, and how far its dates are', async () => {
    expect((await run(['verify', 'solo/mail'])).code).toBe(0)
    const file = path.join(temp.dir, 'mail.env')
    await run(['env', 'write', file, '-k', 'solo/mail'])
    const shown = await run(['show', 'solo/mail'])
    expect(shown.stdout).toMatch(/Last verified +\d{4}-\d\d-\d\d \(today\): accepted by the provider/)
    expect(shown.stdout).toContain(`Written to     ${file} (SOLO_API_KEY): current`)
    writeFileSync(file, 'SOLO_API_KEY=edited\n')
    expect((await run(['show', 'solo/mail'])).stdout).toContain(`${file} (SOLO_API_KEY): changed by hand since`)
    await run(['edit', 'solo/mail', '--expires', '2999-01-01'])
    expect((await run(['show', 'solo/mail'])).stdout).toMatch(/Expires +2999-01-01 \(in \d+ days\)/)
  })

  it('audit filters by action, key and date', async () => {
    const events = JSON.parse((await run(['audit', '--action', 'verified', '--key', 'mail', '-j'])).stdout) as {
      action: string
      keyRef: string
    }[]
    expect(events.length).toBeGreaterThan(0)
    expect(events.every((event) => event.action === 'verified' && event.keyRef === 'solo/mail')).toBe(true)
    expect(JSON.parse((await run(['audit', '--since', '2999-01-01', '-j'])).stdout)).toEqual([])
    expect((await run(['audit', '--action', 'peeked'])).stderr).toMatch(/--action does not know peeked/)
  })
})

describe('changing things', () => {
  it('edit --add-tag / --remove-tag keep the other tags', async () => {
    const edited = await run([
      'edit',
      'stripe/prod',
      '--add-tag',
      'ci',
      '--add-tag',
      'live',
      '--remove-tag',
      'billing',
      '-j',
    ])
    expect(JSON.parse(edited.stdout)).toMatchObject({ tags: ['ci', 'live'] })
  })

  it('provider add refuses to replace a custom provider without --replace', async () => {
    const define = (extra: string[]) =>
      run([
        'provider',
        'add',
        'acme',
        '--name',
        'Acme',
        '--base-url',
        'https://api.acme.dev',
        '--auth',
        'bearer',
        '--verify-path',
        '/me',
        ...extra,
      ])
    expect((await define(['-j'])).code).toBe(0)
    const again = await define(['--name', 'Acme 2'])
    expect(again.code).toBe(1)
    expect(again.stderr).toMatch(/exists already; nothing was changed\. Pass --replace/)
    const replaced = await define(['--replace', '-j'])
    expect(replaced.code, replaced.stderr).toBe(0)
    expect(JSON.parse(replaced.stdout)).toMatchObject({ id: 'acme', name: 'Acme' })
  })

  it('set-value reports the files still holding the previous value, and --propagate rewrites them', async () => {
    const file = path.join(temp.dir, 'prod.env')
    await run(['env', 'write', file, '-k', 'stripe/prod'])
    const first = await run(['set-value', 'stripe/prod', '--value-stdin', '-j'], 'sk_live_Scripting00000000002')
    expect(JSON.parse(first.stdout)).toMatchObject({
      files: expect.arrayContaining([{ file, variable: 'STRIPE_SECRET_KEY', outcome: 'skipped' }]),
    })
    expect(parse(readFileSync(file)).STRIPE_SECRET_KEY).toBe('sk_live_Scripting00000000001')
    await run(['env', 'write', file, '-k', 'stripe/prod'])
    const second = await run(
      ['set-value', 'stripe/prod', '--value-stdin', '--propagate'],
      'sk_live_Scripting00000000003',
    )
    expect(second.stderr).toContain(`${file} (STRIPE_SECRET_KEY): updated`)
    expect(parse(readFileSync(file)).STRIPE_SECRET_KEY).toBe('sk_live_Scripting00000000003')
  })

  it('env example, rm, detect, provider rm and passwd print JSON when asked', async () => {
    const file = path.join(temp.dir, 'prod.env')
    const example = await run(['env', 'example', file, '-j'])
    expect(JSON.parse(example.stdout)).toEqual({ file: `${file}.example`, variables: ['STRIPE_SECRET_KEY'] })
    await add(['scratch', '--provider', 'other'], 'scratch-value-0001')
    expect(JSON.parse((await run(['rm', 'other/scratch', '--yes', '-j'])).stdout)).toMatchObject({
      trashed: 'other/scratch',
    })
    expect(JSON.parse((await run(['detect', '--value-stdin', '-j'], 'sk_live_Scripting00000000009')).stdout)).toEqual({
      provider: 'stripe',
    })
    expect(JSON.parse((await run(['provider', 'rm', 'acme', '-j'])).stdout)).toEqual({ removed: 'acme' })
    const fast = ['--kdf-memory', '19', '--kdf-iterations', '2', '--allow-weak-password', '-j']
    const passwd = await keyward(['passwd', ...fast, '--vault', vault], {
      env: { ...env, KEYWARD_NEW_PASSWORD: PASSWORD },
    })
    expect(passwd.code, passwd.stderr).toBe(0)
    expect(JSON.parse(passwd.stdout)).toEqual({ recoveryCode: expect.stringMatching(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){5}$/) })
  })
})

describe('on a terminal', () => {
  it('colours states on a terminal; NO_COLOR set to something turns it off, an empty NO_COLOR does not', async () => {
    const list = (extra: Record<string, string>) =>
      keywardOnTerminal(['--vault', vault, 'list'], { KEYWARD_PASSWORD: PASSWORD, TERM: 'xterm', ...extra }, [])
    // ESC [ 31/32/33 m: the states' colours (built from a string: a control character in a regex literal is linted).
    const coloured = new RegExp(`${String.fromCharCode(27)}\\[3[123]m`)
    expect((await list({})).screen).toMatch(coloured)
    expect((await list({ NO_COLOR: '' })).screen).toMatch(coloured)
    expect((await list({ NO_COLOR: '1' })).screen).not.toMatch(coloured)
  })

  it('verify --all prints each key as its answer arrives, not in list order', async () => {
    slowMs = 1500
    const all = await run(['verify', '--all'])
    slowMs = 0
    const lines = all.stdout.split('\n').filter((line) => /^(ok|FAIL)/.test(line))
    const meter = lines.findIndex((line) => line.includes('solenoid-meter/meter'))
    const solo = lines.findIndex((line) => line.includes('solo/mail'))
    expect(meter).toBeGreaterThan(solo)
    expect(solo).toBeGreaterThanOrEqual(0)
  })
})
