// `keyward rm` moves a key to the Trash (issue 22); `keyward trash list|restore|rm|empty` work on it. A trashed key is
// found by nothing else: show, get, list, search, run, env write.
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { initVault, keyward } from '../helpers/cli'
import { tempDir } from '../helpers/testVault'

const temp = tempDir('keyward-trash-')
const env: Record<string, string> = { KEYWARD_VAULT_DIR: path.join(temp.dir, 'vault'), KEYWARD_PASSWORD: 'trash-1' }
const run = (args: string[], input?: string) => keyward(args, { env, ...(input === undefined ? {} : { input }) })

async function add(name: string, value: string): Promise<void> {
  const added = await run(['add', name, '--provider', 'other', '--env-var', 'OLD_TOKEN', '--value-stdin'], value)
  if (added.code !== 0) throw new Error(added.stderr)
}

beforeAll(async () => {
  await initVault(env.KEYWARD_VAULT_DIR ?? '', env.KEYWARD_PASSWORD ?? '')
  await add('old', 'old-token-value-1234567890')
  await add('keep', 'keep-token-value-1234567890')
})
afterAll(() => temp.remove())

describe('rm and the Trash', () => {
  it('rm moves the key to the Trash, where nothing else finds it, and says how to put it back', async () => {
    const removed = await run(['rm', 'other/old', '--yes'])
    expect(removed.code, removed.stderr).toBe(0)
    expect(removed.stderr).toMatch(
      /Moved other\/old to the Trash; it is deleted for good on \d{4}-\d\d-\d\d\. To put it back: keyward trash restore other\/old/,
    )
    for (const args of [
      ['show', 'other/old'],
      ['get', 'other/old'],
      ['env', 'write', path.join(temp.dir, '.env'), '-k', 'old'],
    ])
      expect((await run(args)).code, args.join(' ')).toBe(4)
    expect((await run(['list', '--json'])).stdout).not.toContain('other/old')
    expect((await run(['search', 'old', '--json'])).stdout).not.toContain('other/old')
    const listed = JSON.parse((await run(['trash', 'list', '--json'])).stdout) as { ref: string; goneAt: string }[]
    expect(listed.map((key) => key.ref)).toEqual(['other/old'])
    expect((await run(['trash', 'list'])).stdout).toMatch(/^REF\s+ENVIRONMENT\s+DELETED\s+GONE FOR GOOD\nother\/old /)
  })

  it('trash restore puts it back with its value', async () => {
    const restored = await run(['trash', 'restore', 'old', '-j'])
    expect(JSON.parse(restored.stdout)).toEqual({ restored: 'other/old' })
    expect((await run(['get', 'other/old'])).stdout).toBe('old-token-value-1234567890\n')
    expect((await run(['trash', 'list'])).stderr).toBe('The Trash is empty.\n')
  })

  it('refuses to restore over a key added meanwhile, in words that say what to do', async () => {
    await run(['rm', 'other/old', '--yes'])
    await add('old', 'another-old-token-0987654321')
    const refused = await run(['trash', 'restore', 'other/old'])
    expect(refused.code).toBe(1)
    expect(refused.stderr).toBe(
      'keyward: Another key is named other/old now: rename or delete it, then restore this one.\n',
    )
    await run(['rm', 'other/old', '--forever', '--yes'])
  })

  it('trash rm and trash empty delete for good; rm --forever skips the Trash', async () => {
    expect(JSON.parse((await run(['trash', 'rm', 'other/old', '--yes', '-j'])).stdout)).toEqual({
      deleted: 'other/old',
    })
    const forever = await run(['rm', 'other/keep', '--forever', '--yes', '-j'])
    expect(JSON.parse(forever.stdout)).toEqual({ deleted: 'other/keep' })
    expect(JSON.parse((await run(['trash', 'list', '-j'])).stdout)).toEqual([])
    await add('gone', 'gone-token-value-1234567890')
    await run(['rm', 'gone', '--yes'])
    expect((await run(['trash', 'empty'])).stderr).toBe(
      'keyward: Not emptied: there is no terminal to confirm on; pass --yes.\n',
    )
    expect(JSON.parse((await run(['trash', 'empty', '--yes', '-j'])).stdout)).toEqual({ deleted: 1 })
    const audit = (await run(['audit', '--action', 'trashed,restored,deleted,trash-emptied', '--json'])).stdout
    expect(JSON.parse(audit).map((event: { action: string }) => event.action)).toEqual(
      expect.arrayContaining(['trashed', 'restored', 'deleted', 'trash-emptied']),
    )
  })
})
