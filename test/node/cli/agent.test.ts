// The headless agent end to end, with the BUILT keyward: unlocked once with `agent start`, then get, list, search,
// run, env write / inject / shell and copy work with no password anywhere in any environment; values only for
// --allow refs; `keyward lock` ends it; the fast path loads none of commander, zod, SQLite or Argon2; and an agent
// killed with -9 in the middle of a write leaves the vault as it was.
import { spawn, spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { parse } from 'dotenv'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { bundleChildScript } from '../helpers/childScript'
import { cliBundle, initVault, keyward } from '../helpers/cli'
import { tempDir } from '../helpers/testVault'

const PASSWORD = 'agent-tests-password'
const CANARY = 'sk_live_AgentCliCanary00000001'
const temp = tempDir('keyward-agentcli-')
const runDir = path.join(temp.dir, 'run')
const vaultDir = path.join(temp.dir, 'vault')
const bin = path.join(temp.dir, 'bin')
const clipboardFile = path.join(temp.dir, 'clipboard')
/** What every command here gets: the vault and the agent's folder — and never a password. */
const env = { KEYWARD_VAULT_DIR: vaultDir, KEYWARD_AGENT_DIR: runDir, KEYWARD_STATE_DIR: path.join(temp.dir, 'state') }
const withPassword = { ...env, KEYWARD_PASSWORD: PASSWORD }

const start = (args: string[] = [], extra: Record<string, string> = {}) =>
  keyward(['agent', 'start', '--password-stdin', ...args], { env: { ...env, ...extra }, input: `${PASSWORD}\n` })

beforeAll(async () => {
  mkdirSync(runDir, { mode: 0o700 })
  mkdirSync(bin)
  writeFileSync(
    path.join(bin, 'xclip'),
    '#!/bin/sh\n' +
      `for a in "$@"; do [ "$a" = "-o" ] && { cat "${clipboardFile}" 2>/dev/null; exit 0; }; done\n` +
      `cat > "${clipboardFile}"\n`,
  )
  chmodSync(path.join(bin, 'xclip'), 0o755)
  await initVault(vaultDir, PASSWORD)
  for (const [name, provider, envVar, value] of [
    ['prod', 'stripe', 'STRIPE_SECRET_KEY', CANARY],
    ['dev', 'openai', 'OPENAI_API_KEY', 'sk-proj-AgentCliOther0000002'],
  ] as const) {
    const added = await keyward(
      ['add', name, '--provider', provider, '--env-var', envVar, '--value-stdin', '--no-format-check'],
      { env: withPassword, input: value },
    )
    expect(added.code, added.stderr).toBe(0)
  }
}, 60_000)
afterEach(async () => {
  await keyward(['agent', 'stop'], { env })
})
afterAll(() => temp.remove())

describe.skipIf(process.platform !== 'linux')('keyward agent (headless)', () => {
  it('serves get, list, search, run, env write and copy with no password anywhere', async () => {
    const started = await start(['--allow', 'stripe/*'])
    expect(started.code, started.stderr).toBe(0)
    expect(started.stderr).toMatch(/Agent started \(pid \d+\).*Values: stripe\/\*/)

    const got = await keyward(['get', 'stripe/prod'], { env })
    expect(got).toMatchObject({ code: 0, stdout: `${CANARY}\n` })
    const listed = await keyward(['list', '--json'], { env })
    expect((JSON.parse(listed.stdout) as { ref: string }[]).map((key) => key.ref).sort()).toEqual([
      'openai/dev',
      'stripe/prod',
    ])
    const found = await keyward(['search', 'strip'], { env })
    expect(found.stdout).toMatch(/stripe\/prod\s+STRIPE_SECRET_KEY/)

    // The child gets the key and never an unlock variable; nor does keyward's own environment hold one.
    const script =
      'const fs=require("fs");const parent=fs.readFileSync("/proc/"+process.ppid+"/environ","utf8");' +
      'console.log(JSON.stringify({key:process.env.STRIPE_SECRET_KEY,pw:process.env.KEYWARD_PASSWORD??null,' +
      'parentPw:parent.includes("KEYWARD_PASSWORD")}))'
    const ran = await keyward(['run', '--keys', 'stripe/prod', '--', process.execPath, '-e', script], { env })
    expect(ran.code, ran.stderr).toBe(0)
    expect(JSON.parse(ran.stdout)).toEqual({ key: CANARY, pw: null, parentPw: false })

    const file = path.join(temp.dir, 'project', '.env')
    mkdirSync(path.dirname(file), { recursive: true })
    const wrote = await keyward(['env', 'write', file, '--keys', 'stripe/prod'], { env })
    expect(wrote.code, wrote.stderr).toBe(0)
    expect(parse(readFileSync(file))).toEqual({ STRIPE_SECRET_KEY: CANARY })
    expect(statSync(file).mode & 0o777).toBe(0o600)

    const copied = await keyward(['copy', 'stripe/prod', '--clear-after', '0'], {
      env: { ...env, PATH: `${bin}:${process.env.PATH ?? ''}` },
    })
    expect(copied.code, copied.stderr).toBe(0)
    expect(readFileSync(clipboardFile, 'utf8')).toBe(CANARY)

    // The agent process holds the password nowhere a same-user process reads it: not its argv, not its environment.
    const status = JSON.parse((await keyward(['agent', 'status', '--json'], { env })).stdout) as {
      pid: number
      host: string
    }
    expect(status.host).toBe('headless')
    expect(readFileSync(`/proc/${status.pid}/cmdline`, 'utf8')).not.toContain(PASSWORD)
    expect(readFileSync(`/proc/${status.pid}/environ`, 'utf8')).not.toContain(PASSWORD)
  }, 60_000)

  it('refuses values outside --allow (exit 7), names the caller in the audit trail, ends at keyward lock', async () => {
    expect((await start(['--allow', 'stripe/*'])).code).toBe(0)
    const denied = await keyward(['get', 'openai/dev'], { env })
    expect(denied.code).toBe(7)
    expect(denied.stdout).toBe('')
    expect(denied.stderr).toBe('keyward: Keyward did not allow this request.\n')

    const locked = await keyward(['lock'], { env })
    expect(locked).toMatchObject({ code: 0, stderr: 'Locked: the agent stopped and every grant ended.\n' })
    expect(existsSync(path.join(runDir, 'agent.sock'))).toBe(false)
    // No agent now: the CLI wants the password again.
    expect((await keyward(['get', 'stripe/prod'], { env })).code).toBe(3)

    const audit = await keyward(['audit', '--json'], { env: withPassword })
    const events = JSON.parse(audit.stdout) as { action: string; keyRef: string | null; actor: string }[]
    const revealed = events.find((event) => event.action === 'revealed' && event.keyRef === 'stripe/prod')
    expect(revealed?.actor).toMatch(/^agent: node ← node \(no terminal, /)
    expect(audit.stdout).not.toContain(CANARY)
  }, 60_000)

  it('refuses a second agent while one runs, before asking for a password', async () => {
    expect((await start()).code).toBe(0)
    const second = await keyward(['agent', 'start'], { env })
    expect(second.code).toBe(1)
    expect(second.stderr).toMatch(/An agent already runs \(pid \d+\)/)
  }, 30_000)

  it('a wrong password starts nothing (exit 3)', async () => {
    const wrong = await keyward(['agent', 'start', '--password-stdin'], { env, input: 'not it\n' })
    expect(wrong.code).toBe(3)
    expect((await keyward(['agent', 'status'], { env })).code).toBe(1)
  }, 30_000)

  it('resolves keyward:// references: run --env-file, env inject (0600, three readers agree), env shell', async () => {
    expect((await start(['--allow', '*'])).code).toBe(0)
    const project = path.join(temp.dir, 'refs')
    mkdirSync(project, { recursive: true })
    const refs = path.join(project, '.env.keyward')
    writeFileSync(
      refs,
      'STRIPE_SECRET_KEY=keyward://stripe/prod\nGREETING="hello world"\nOPENAI_API_KEY=keyward://dev\n',
    )
    const ran = await keyward(
      [
        'run',
        '--env-file',
        refs,
        '--',
        process.execPath,
        '-e',
        'console.log(process.env.STRIPE_SECRET_KEY+"|"+process.env.GREETING+"|"+process.env.OPENAI_API_KEY)',
      ],
      { env },
    )
    expect(ran.stdout.trim()).toBe(`${CANARY}|hello world|sk-proj-AgentCliOther0000002`)

    const out = path.join(project, '.env')
    const injected = await keyward(['env', 'inject', refs, '--out', out], { env })
    expect(injected.code, injected.stderr).toBe(0)
    expect(statSync(out).mode & 0o777).toBe(0o600)
    const expected = {
      STRIPE_SECRET_KEY: CANARY,
      GREETING: 'hello world',
      OPENAI_API_KEY: 'sk-proj-AgentCliOther0000002',
    }
    expect(parse(readFileSync(out))).toEqual(expected)
    const python = spawnSync(
      '/usr/bin/python3',
      ['-c', 'import json,sys\nfrom dotenv import dotenv_values\nprint(json.dumps(dotenv_values(sys.argv[1])))', out],
      { encoding: 'utf8' },
    )
    expect(JSON.parse(python.stdout)).toEqual(expected)
    const sourced = spawnSync(
      '/bin/sh',
      ['-c', 'set -a; . "$1"; printf "%s|%s|%s" "$STRIPE_SECRET_KEY" "$GREETING" "$OPENAI_API_KEY"', 'sh', out],
      { encoding: 'utf8' },
    )
    expect(sourced.stdout).toBe(Object.values(expected).join('|'))

    const shell = await keyward(['env', 'shell', refs, '--shell', 'bash'], { env })
    const evaluated = spawnSync(
      '/bin/bash',
      ['-c', 'eval "$1"; printf "%s|%s" "$STRIPE_SECRET_KEY" "$GREETING"', 'bash', shell.stdout],
      { encoding: 'utf8' },
    )
    expect(evaluated.stdout).toBe(`${CANARY}|hello world`)
  }, 60_000)

  it('serves through a fast path that loads neither commander, zod, SQLite nor Argon2', async () => {
    expect((await start(['--allow', 'stripe/*'])).code).toBe(0)
    const log = path.join(temp.dir, 'loaded.txt')
    const hooks = path.join(temp.dir, 'hooks.mjs')
    writeFileSync(
      hooks,
      "import { appendFileSync } from 'node:fs'\n" +
        'export async function load(url, context, next) {\n' +
        `  appendFileSync(${JSON.stringify(log)}, url + '\\n')\n` +
        '  return next(url, context)\n}\n',
    )
    const register = path.join(temp.dir, 'register.mjs')
    writeFileSync(
      register,
      `import { register } from 'node:module'\nregister(${JSON.stringify(pathToFileURL(hooks).href)})\n`,
    )
    const run = spawnSync(
      process.execPath,
      ['--import', pathToFileURL(register).href, cliBundle, 'get', 'stripe/prod'],
      {
        env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
        encoding: 'utf8',
      },
    )
    expect(run.stdout).toBe(`${CANARY}\n`)
    const loaded = readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .filter((url) => url.startsWith('file:'))
    expect(loaded.length).toBeGreaterThan(0)
    for (const url of loaded) {
      expect(url).not.toMatch(/better-sqlite3|argon2|commander|zod/)
      const text = readFileSync(new URL(url), 'utf8')
      expect(text).not.toContain('class CommanderError')
      expect(text).not.toContain('ZodError')
      expect(text).not.toContain('better-sqlite3')
    }
  }, 30_000)

  it('an agent killed with -9 in the middle of a write leaves the vault as it was', async () => {
    const preload = await bundleChildScript(path.join(import.meta.dirname, '..', 'helpers', 'pauseAtCall.ts'))
    const project = path.join(temp.dir, 'killed')
    mkdirSync(project)
    const gate = path.join(temp.dir, 'gate')
    mkdirSync(gate)
    // The agent stops after renaming the new .env into place (fsync of its folder), before it records the usage.
    const started = await start(['--allow', '*'], {
      NODE_OPTIONS: `--import=${pathToFileURL(preload).href}`,
      KEYWARD_PAUSE_AT: `openSync|${project}`,
      KEYWARD_PAUSE_GATE: gate,
    })
    expect(started.code, started.stderr).toBe(0)
    const pid = (JSON.parse((await keyward(['agent', 'status', '--json'], { env })).stdout) as { pid: number }).pid
    const writing = keyward(['env', 'write', path.join(project, '.env'), '--keys', 'stripe/prod'], { env })
    const deadline = Date.now() + 20_000
    while (!existsSync(path.join(gate, 'reached')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
    expect(existsSync(path.join(gate, 'reached'))).toBe(true)
    process.kill(pid, 'SIGKILL')
    const ended = await writing
    expect(ended.code).not.toBe(0)
    expect(ended.stdout).not.toContain(CANARY)
    // The vault opens with its password, whole, with both keys; no usage was half-recorded.
    const doctor = await keyward(['doctor'], { env: withPassword })
    expect(doctor.stdout).toMatch(/ok\s+database integrity: ok; schema \d+ of \d+, 2 keys/)
    expect(doctor.stdout).toMatch(/ok\s+leftover temp files: none/)
    const list = JSON.parse((await keyward(['list', '--json'], { env: withPassword })).stdout) as { ref: string }[]
    expect(list.map((key) => key.ref).sort()).toEqual(['openai/dev', 'stripe/prod'])
    // The next agent finds the dead one's socket stale, removes it, and starts.
    expect((await start()).code).toBe(0)
  }, 60_000)

  it('stops by itself after --idle without a request; asking for its status is not a request', async () => {
    expect((await start(['--idle', '2s'])).code).toBe(0)
    const started = Date.now()
    let running = true
    while (running && Date.now() - started < 6_000) running = (await keyward(['agent', 'status'], { env })).code === 0
    expect(running).toBe(false)
    expect(existsSync(path.join(runDir, 'agent.sock'))).toBe(false)
  }, 30_000)
})

describe('--password-fd', () => {
  it('reads the master password from the given file descriptor, and never asks the agent', async () => {
    const child = spawn(process.execPath, [cliBundle, '--password-fd', '3', 'get', 'stripe/prod'], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    })
    const fd3 = child.stdio[3] as NodeJS.WritableStream
    fd3.end(`${PASSWORD}\n`)
    let stdout = ''
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    const code = await new Promise((resolve) => child.on('close', resolve))
    expect(code).toBe(0)
    expect(stdout).toBe(`${CANARY}\n`)
    const audit = JSON.parse((await keyward(['audit', '--json'], { env: withPassword })).stdout) as {
      action: string
      actor: string
    }[]
    // Newest first: the reveal just made was this process's own unlock, not the agent's.
    expect(audit.find((event) => event.action === 'revealed')?.actor).toBe('cli')
  }, 30_000)

  it('asks for the password once for a command that reads twice (run --env-file with --keys)', async () => {
    const refs = path.join(temp.dir, 'once.env.keyward')
    writeFileSync(refs, 'OPENAI_API_KEY=keyward://openai/dev\n')
    const script = 'console.log(process.env.STRIPE_SECRET_KEY + "|" + process.env.OPENAI_API_KEY)'
    const args = ['--password-fd', '3', 'run', '--env-file', refs, '--keys', 'stripe/prod', '--', process.execPath]
    const child = spawn(process.execPath, [cliBundle, ...args, '-e', script], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    })
    ;(child.stdio[3] as NodeJS.WritableStream).end(`${PASSWORD}\n`)
    let stdout = ''
    let stderr = ''
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    expect(await new Promise((resolve) => child.on('close', resolve)), stderr).toBe(0)
    expect(stdout).toBe(`${CANARY}|sk-proj-AgentCliOther0000002\n`)
  }, 30_000)

  it('refuses a descriptor that is not a number, before anything is opened', async () => {
    const run = await keyward(['--password-fd', 'x', 'get', 'stripe/prod'], { env })
    expect(run).toMatchObject({ code: 2, stderr: 'keyward: --password-fd takes a file descriptor number.\n' })
  })
})
