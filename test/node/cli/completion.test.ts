// `keyward completion`: the bash script run in a real bash — command words, flags, and key refs only from a running,
// unlocked agent (never a password prompt at a Tab). zsh runs the same function through bashcompinit; fish's
// script is checked for its shape only (no fish or zsh on this machine: said in the README).
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cliBundle, initVault, keyward } from '../helpers/cli'
import { tempDir } from '../helpers/testVault'

const PASSWORD = 'completion-tests'
const temp = tempDir('keyward-completion-')
const runDir = path.join(temp.dir, 'run')
const bin = path.join(temp.dir, 'bin')
const env = { KEYWARD_VAULT_DIR: path.join(temp.dir, 'vault'), KEYWARD_AGENT_DIR: runDir }
let script = ''

/** What bash's completion offers for the words typed so far (the last one being completed). */
function complete(words: string[]): string[] {
  const program = [
    `source ${JSON.stringify(script)}`,
    `COMP_WORDS=(${words.map((word) => JSON.stringify(word)).join(' ')})`,
    `COMP_CWORD=${words.length - 1}`,
    '_keyward',
    'printf "%s\\n" "${COMPREPLY[@]}"',
  ].join('\n')
  const out = execFileSync('bash', ['-c', program], {
    env: { ...env, PATH: `${bin}:${process.env.PATH ?? ''}`, HOME: process.env.HOME ?? '' },
    encoding: 'utf8',
  })
  return out.split('\n').filter((line) => line !== '')
}

beforeAll(async () => {
  mkdirSync(runDir, { mode: 0o700 })
  mkdirSync(bin)
  // `keyward` on PATH, as a user's install puts it: the built entry.
  writeFileSync(path.join(bin, 'keyward'), `#!/bin/sh\nexec "${process.execPath}" "${cliBundle}" "$@"\n`, {
    mode: 0o755,
  })
  await initVault(env.KEYWARD_VAULT_DIR, PASSWORD)
  const added = await keyward(['add', 'prod', '--provider', 'stripe', '--value-stdin', '--no-format-check'], {
    env: { ...env, KEYWARD_PASSWORD: PASSWORD },
    input: 'sk_live_CompletionCanary0001',
  })
  expect(added.code, added.stderr).toBe(0)
  script = path.join(temp.dir, 'keyward.bash')
  const generated = await keyward(['completion', 'bash'])
  expect(generated.code, generated.stderr).toBe(0)
  writeFileSync(script, generated.stdout)
}, 60_000)
afterAll(async () => {
  await keyward(['agent', 'stop'], { env })
  temp.remove()
})

describe('keyward completion', () => {
  it('completes command words, subcommands and each command its own flags', () => {
    expect(complete(['keyward', 'en'])).toEqual(['env'])
    expect(complete(['keyward', 'env', 'w'])).toEqual(['write'])
    expect(complete(['keyward', 'list', '--st'])).toEqual(['--status'])
    expect(complete(['keyward', '--vault', 'x', 'rotate', '--val'])).toEqual(['--value-stdin'])
  })

  it('offers no key refs without an agent — and asks for nothing', () => {
    expect(complete(['keyward', 'show', 'st'])).toEqual([])
  })

  it.skipIf(process.platform !== 'linux')('offers key refs from a running, unlocked agent', async () => {
    const started = await keyward(['agent', 'start', '--password-stdin'], { env, input: `${PASSWORD}\n` })
    expect(started.code, started.stderr).toBe(0)
    expect(complete(['keyward', 'show', 'st'])).toEqual(['stripe/prod'])
    expect(complete(['keyward', 'list', 'st'])).toEqual([])
  })

  it('writes zsh (through bashcompinit) and fish scripts; an unknown shell is refused', async () => {
    const zsh = await keyward(['completion', 'zsh'])
    expect(zsh.stdout).toMatch(/^#compdef keyward\n[\s\S]*bashcompinit[\s\S]*complete -F _keyward keyward/)
    const fish = await keyward(['completion', 'fish'])
    expect(fish.stdout).toContain("complete -c keyward -n '__fish_use_subcommand' -a 'init")
    expect(fish.stdout).toContain(`complete -c keyward -n '__keyward_path "env write"' -s k`)
    expect(fish.stdout).toContain("-a '(command keyward __complete-refs 2>/dev/null)'")
    const bad = await keyward(['completion', 'tcsh'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/keyward completion takes bash, zsh, fish/)
  })
})
