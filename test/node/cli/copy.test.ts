// keyward copy through a stand-in `xclip` on PATH (a fake at the OS clipboard port): the value goes in through
// stdin, and a detached child clears it after the delay only if the clipboard still holds it.
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { initVault, keyward } from '../helpers/cli'
import { tempDir } from '../helpers/testVault'

const temp = tempDir('keyward-copy-')
const bin = path.join(temp.dir, 'bin')
const store = path.join(temp.dir, 'clipboard')
const env = { KEYWARD_VAULT_DIR: path.join(temp.dir, 'vault'), KEYWARD_PASSWORD: 'copy-tests', FAKE_CLIPBOARD: store }
const withFakeTools = () => ({ ...env, PATH: `${bin}:${process.env.PATH ?? ''}` })
const clipboard = () => readFileSync(store, 'utf8')
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

beforeAll(async () => {
  mkdirSync(bin)
  writeFileSync(
    path.join(bin, 'xclip'),
    '#!/bin/sh\nfor a in "$@"; do [ "$a" = "-o" ] && { cat "$FAKE_CLIPBOARD" 2>/dev/null; exit 0; }; done\ncat > "$FAKE_CLIPBOARD"\n',
  )
  chmodSync(path.join(bin, 'xclip'), 0o755)
  await initVault(env.KEYWARD_VAULT_DIR, env.KEYWARD_PASSWORD)
  await keyward(['add', 'prod', '--provider', 'stripe', '--env-var', 'STRIPE_SECRET_KEY', '--value-stdin'], {
    env,
    input: 'sk_live_CopyTest000000001',
  })
})
afterAll(() => temp.remove())

describe('keyward copy', () => {
  it('copies the value and clears it after the delay', async () => {
    const run = await keyward(['copy', 'prod', '--clear-after', '1'], { env: withFakeTools() })
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toBe('')
    expect(clipboard()).toBe('sk_live_CopyTest000000001')
    await sleep(2500)
    expect(clipboard()).toBe('')
  })

  it('leaves something the user copied since alone', async () => {
    await keyward(['copy', 'prod', '--format', 'env', '--clear-after', '1'], { env: withFakeTools() })
    expect(clipboard()).toBe('STRIPE_SECRET_KEY=sk_live_CopyTest000000001')
    writeFileSync(store, 'the user copied this')
    await sleep(2500)
    expect(clipboard()).toBe('the user copied this')
  })

  it('says what to install when no clipboard command exists (CLIPBOARD_UNAVAILABLE, exit 1), and prints no value', async () => {
    const run = await keyward(['copy', 'prod'], { env: { ...env, PATH: bin.replace('/bin', '/none') } })
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/xclip or wl-clipboard/)
    expect(`${run.stdout}${run.stderr}`).not.toContain('sk_live_CopyTest000000001')
  })

  it('finds no clipboard tool before unlocking: no password is asked for a copy that cannot happen', async () => {
    const { KEYWARD_PASSWORD: _password, ...noPassword } = env
    const run = await keyward(['copy', 'prod'], { env: { ...noPassword, PATH: bin.replace('/bin', '/none') } })
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/No usable clipboard command/)
    expect(run.stderr).not.toMatch(/password/i)
  })
})
