// The master password never reaches another program: not git (whose repository config could name a command of
// its own), not the clipboard tool (which stays resident).
import { execFileSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { initVault, keyward } from '../helpers/cli'
import { tempDir } from '../helpers/testVault'

const temp = tempDir('keyward-children-')
const PASSWORD = 'password-canary-7c1e'
const env = { KEYWARD_VAULT_DIR: path.join(temp.dir, 'vault'), KEYWARD_PASSWORD: PASSWORD }

beforeAll(async () => {
  await initVault(env.KEYWARD_VAULT_DIR, PASSWORD)
  await keyward(['add', 'prod', '--provider', 'stripe', '--env-var', 'STRIPE_SECRET_KEY', '--value-stdin'], {
    env,
    input: 'sk_live_ChildEnvTest00000001',
  })
}, 30_000)
afterAll(() => temp.remove())

it('env write in a repository whose .git/config names an fsmonitor command: the command never runs', async () => {
  const repo = path.join(temp.dir, 'repo')
  mkdirSync(repo)
  const trace = path.join(temp.dir, 'fsmonitor-ran')
  const hook = path.join(temp.dir, 'fsmonitor.sh')
  writeFileSync(hook, `#!/bin/sh\nenv >> '${trace}'\n`)
  chmodSync(hook, 0o755)
  execFileSync('git', ['init', '-q', repo])
  execFileSync('git', ['-C', repo, 'config', 'core.fsmonitor', hook])
  writeFileSync(path.join(repo, '.env'), 'OTHER=1\n')
  execFileSync('git', ['-C', repo, 'add', '.env'], {
    env: { ...process.env, GIT_CONFIG_PARAMETERS: "'core.fsmonitor=false'" },
  })
  const run = await keyward(['env', 'write', path.join(repo, '.env'), '--keys', 'prod'], { env })
  expect(run.code, run.stderr).toBe(0)
  expect(run.stderr).toMatch(/tracked by git/)
  expect(existsSync(trace) ? readFileSync(trace, 'utf8') : '').not.toContain(PASSWORD)
  expect(existsSync(trace)).toBe(false)
}, 30_000)

it('the clipboard tool gets the value on stdin and an environment without the unlock variables', async () => {
  const bin = path.join(temp.dir, 'bin')
  mkdirSync(bin)
  const seen = path.join(temp.dir, 'xclip-env')
  writeFileSync(path.join(bin, 'xclip'), `#!/bin/sh\nenv >> '${seen}'\ncat > /dev/null\n`)
  chmodSync(path.join(bin, 'xclip'), 0o755)
  const run = await keyward(['copy', 'prod', '--clear-after', '0'], {
    env: { ...env, PATH: `${bin}:${process.env.PATH ?? ''}` },
  })
  expect(run.code, run.stderr).toBe(0)
  const recorded = readFileSync(seen, 'utf8')
  expect(recorded).toContain('PATH=')
  expect(recorded).not.toContain(PASSWORD)
  expect(recorded).not.toContain('KEYWARD_PASSWORD')
}, 30_000)
