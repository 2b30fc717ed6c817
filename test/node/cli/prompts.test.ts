// Prompts on a real pseudo-terminal (util-linux `script`), issue 25: the window's password rule with retries, no
// secret asked that cannot be used, a newline after every hidden entry, Ctrl+C → 130 quietly, "n" said back.
// Each test failed on the CLI before this issue.
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { initVault, keyward } from '../helpers/cli'
import { keywardOnTerminal } from '../helpers/onTerminal'
import { tempDir } from '../helpers/testVault'

const temp = tempDir('keyward-prompts-')
const vault = path.join(temp.dir, 'vault')
const STRONG = 'violet harbour ledger quantum sparrow'

beforeAll(async () => {
  await initVault(vault, 'prompts-1')
  const run = await keyward(['add', 'notes', '--provider', 'other', '--value-stdin'], {
    env: { KEYWARD_VAULT_DIR: vault, KEYWARD_PASSWORD: 'prompts-1' },
    input: 'kept-only-value-0001',
  })
  if (run.code !== 0) throw new Error(run.stderr)
})
afterAll(() => temp.remove())

describe('a new master password', () => {
  it('must be Strong: a weak one and a mistyped retype are asked again, and each hidden entry ends its line', async () => {
    const fresh = path.join(temp.dir, 'fresh')
    const run = await keywardOnTerminal(['--vault', fresh, 'init', '--kdf-memory', '19', '--kdf-iterations', '2'], {}, [
      [/New master password: /, 'password1'],
      [/must be at least Strong[\s\S]*New master password: /, STRONG],
      [/Type it again: /, `${STRONG}x`],
      [/differ; type them again\.[\s\S]*New master password: /, STRONG],
      [/differ[\s\S]*Type it again: /, STRONG],
    ])
    expect(run.code, run.screen).toBe(0)
    expect(run.screen).toMatch(/That password is (Very weak|Weak|Fair): a master password must be at least Strong/)
    expect(run.screen).toMatch(/Created a vault in/)
    // Nothing typed is echoed, and the next line starts on a line of its own.
    expect(run.screen).not.toContain('password1')
    expect(run.screen).toMatch(/New master password: \r?\n/)
    expect(run.screen).toMatch(/Type it again: \r?\nThe two passwords differ/)
  })

  it('three weak tries end it, nothing created; from KEYWARD_NEW_PASSWORD a weak one is refused (exit 2)', async () => {
    const fresh = path.join(temp.dir, 'never')
    const run = await keywardOnTerminal(['--vault', fresh, 'init'], {}, [
      [/New master password: /, 'abc'],
      [/Strong[\s\S]*New master password: /, 'abcd'],
      [/Strong[\s\S]*Strong[\s\S]*New master password: /, 'abcde'],
    ])
    expect(run.code).toBe(2)
    expect(run.screen).toMatch(/No new password after three tries\. Nothing was changed\./)
    const scripted = await keyward(['--vault', fresh, 'init'], { env: { KEYWARD_NEW_PASSWORD: 'hunter2' } })
    expect(scripted.code).toBe(2)
    expect(scripted.stderr).toMatch(/at least Strong/)
    expect((await keyward(['--vault', fresh, 'list'], { env: { KEYWARD_PASSWORD: 'hunter2' } })).code).toBe(4)
  })
})

describe('no secret is asked that cannot be used', () => {
  it('a missing vault is said before any password prompt (exit 4)', async () => {
    const run = await keywardOnTerminal(['--vault', path.join(temp.dir, 'nowhere'), 'list'], {}, [])
    expect(run.code).toBe(4)
    expect(run.screen).toMatch(/No vault at .*nowhere\. Create one with: keyward init/)
    expect(run.screen).not.toMatch(/password/i)
  })

  it('init over an existing vault is refused before the new password is asked (exit 1)', async () => {
    const run = await keywardOnTerminal(['--vault', vault, 'init'], {}, [])
    expect(run.code).toBe(1)
    expect(run.screen).toMatch(/A vault already exists/)
    expect(run.screen).not.toMatch(/New master password/)
  })

  it('run of a command that does not exist says so (127) without asking for the password', async () => {
    const run = await keywardOnTerminal(
      ['--vault', vault, 'run', '--keys', 'other/notes', '--', 'no-such-cmd-x'],
      {},
      [],
    )
    expect(run.code).toBe(127)
    expect(run.screen).toMatch(/keyward: command not found: no-such-cmd-x/)
    expect(run.screen).not.toMatch(/password/i)
  })
})

describe('answers at a prompt', () => {
  it('Ctrl+C at the password prompt exits 130, quietly', async () => {
    const run = await keywardOnTerminal(['--vault', vault, 'list'], {}, [[/Master password: /, '\u0003']])
    expect(run.code).toBe(130)
    expect(run.screen).not.toMatch(/keyward:|cancel|error/i)
  })

  it('"n" at a confirmation is said back as "Not deleted." (exit 1), and the key stays', async () => {
    const run = await keywardOnTerminal(['--vault', vault, 'rm', 'other/notes'], {}, [
      [/Master password: /, 'prompts-1'],
      [/Move other\/notes to the Trash \(restorable for 30 days\)\? \[y\/N\] /, 'n'],
    ])
    expect(run.code).toBe(1)
    expect(run.screen).toMatch(/keyward: Not deleted\./)
    expect(
      (await keyward(['--vault', vault, 'show', 'other/notes'], { env: { KEYWARD_PASSWORD: 'prompts-1' } })).code,
    ).toBe(0)
  })
})
