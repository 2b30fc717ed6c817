// Input a user (or a script gone wrong) can give: each out-of-bounds case is a clear usage error (exit 2), never a
// crash, a hang or "This is a bug".
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { initVault, keyward } from '../helpers/cli'
import { tempDir } from '../helpers/testVault'

const temp = tempDir('keyward-bounds-')
const vault = path.join(temp.dir, 'vault')
const env = { KEYWARD_PASSWORD: 'bounds' }
beforeAll(() => initVault(vault, env.KEYWARD_PASSWORD), 30_000)
afterAll(() => temp.remove())

const deep = `${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}`
const cases: [string, string[], string | Buffer, RegExp][] = [
  [
    'search with 1,100 words',
    ['search', Array.from({ length: 1100 }, (_, i) => `w${i}`).join(' ')],
    '',
    /at most 256 characters/,
  ],
  ['search with 17 short words', ['search', 'a b c d e f g h i j k l m n o p q'], '', /at most 16 words/],
  ['audit --limit 1e20', ['audit', '--limit', '100000000000000000000'], '', /--limit takes a whole number/],
  [
    '--metadata nested 2,000 deep',
    ['add', 'deep', '--provider', 'solo', '--no-format-check', '--metadata', deep, '--value-stdin'],
    'value-deep-0000',
    /at most 8 levels deep/,
  ],
  [
    'a value over 1 MiB on stdin',
    ['add', 'big', '--provider', 'solo', '--no-format-check', '--value-stdin'],
    'a'.repeat(2 * 1024 * 1024),
    /more than 1 MiB/,
  ],
  [
    'a value that is not UTF-8',
    ['add', 'latin1', '--provider', 'solo', '--no-format-check', '--value-stdin'],
    Buffer.from([0x61, 0x62, 0xff, 0xfe, 0x63]),
    /not valid UTF-8/,
  ],
]

it.each(cases)('%s', async (_, args, input, message) => {
  const run = await keyward(['--vault', vault, ...args], { env, input })
  expect(run.stderr).toMatch(message)
  expect(run.stderr).not.toMatch(/This is a bug/)
  expect(run.code).toBe(2)
})

it('--vault \'\' is a usage error, not "no vault at ."', async () => {
  const run = await keyward(['--vault', '', 'list'], { env })
  expect({ code: run.code, stderr: run.stderr }).toEqual({
    code: 2,
    stderr: 'keyward: --vault takes a directory; it was empty.\n',
  })
})

it('nothing out of bounds was stored', async () => {
  expect(JSON.parse((await keyward(['--vault', vault, 'list', '--json'], { env })).stdout)).toEqual([])
})
