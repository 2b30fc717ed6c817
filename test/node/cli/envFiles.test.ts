// The files `env write`, `env import` and `env example` are pointed at: regular files only, clear errors for the
// rest, and a warning when others can read the secrets.
import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { initVault, keyward } from '../helpers/cli'
import { tempDir } from '../helpers/testVault'

const temp = tempDir('keyward-envfiles-')
const env = { KEYWARD_VAULT_DIR: path.join(temp.dir, 'vault'), KEYWARD_PASSWORD: 'envfiles' }
beforeAll(async () => {
  await initVault(env.KEYWARD_VAULT_DIR, env.KEYWARD_PASSWORD)
  await keyward(['add', 'prod', '--provider', 'stripe', '--env-var', 'STRIPE_SECRET_KEY', '--value-stdin'], {
    env,
    input: 'sk_live_EnvFilesTest000000001',
  })
}, 30_000)
afterAll(() => temp.remove())

it('an existing .env readable by others (0644) is written and warned about', async () => {
  const file = path.join(temp.dir, 'shared.env')
  writeFileSync(file, 'OTHER=1\n')
  chmodSync(file, 0o644)
  const run = await keyward(['env', 'write', file, '--keys', 'prod', '--json'], { env })
  expect(run.code, run.stderr).toBe(0)
  expect((JSON.parse(run.stdout) as { warnings: string[] }).warnings).toContainEqual(
    expect.stringMatching(/readable by other users \(mode 644\): run chmod 600/),
  )
})

it.each([
  [
    'a FIFO',
    () => {
      const fifo = path.join(temp.dir, 'pipe.env')
      execFileSync('mkfifo', [fifo])
      return fifo
    },
    /is a named pipe; Keyward reads and writes only regular/,
    2,
  ],
  [
    'a directory',
    () => {
      const dir = path.join(temp.dir, 'a-dir.env')
      mkdirSync(dir)
      return dir
    },
    /is a directory/,
    2,
  ],
  [
    'a file in a missing directory',
    () => path.join(temp.dir, 'missing', '.env'),
    /The directory .*missing does not exist/,
    4,
  ],
  ['/dev/zero', () => '/dev/zero', /is a device/, 2],
])(
  'env write and import refuse %s at once, with a clear error',
  async (_, make, message, code) => {
    const target = make()
    for (const args of [
      ['env', 'write', target, '--keys', 'prod'],
      ['env', 'import', target, '--dry-run'],
    ]) {
      const run = await keyward(args, { env })
      if (args[1] === 'import' && code === 4 && /missing/.test(target)) {
        expect(run.stderr).toMatch(/does not exist/)
        continue
      }
      expect(run.stderr).toMatch(message)
      expect(run.stderr).not.toMatch(/This is a bug/)
      expect(run.code).toBe(code)
    }
  },
  30_000,
)

it('env example of a file that does not exist says so', async () => {
  const run = await keyward(['env', 'example', path.join(temp.dir, 'nothing.env')])
  expect({ code: run.code, bug: /This is a bug/.test(run.stderr) }).toEqual({ code: 4, bug: false })
  expect(run.stderr).toMatch(/nothing\.env does not exist/)
})

it('a temp left by a write killed before its rename is ignored by .env* rules, and gone after the next write or doctor', async () => {
  const project = path.join(temp.dir, 'stale')
  mkdirSync(project)
  execFileSync('git', ['init', '-q', project])
  writeFileSync(path.join(project, '.gitignore'), '.env*\n')
  const file = path.join(project, '.env')
  // What a writer killed between its temp write and its rename leaves: the whole new file, under a dead pid.
  const dead = spawnSync(process.execPath, ['-e', '0']).pid ?? 999_999
  const stale = () => path.join(project, `.env.keyward-${dead}-${'0'.repeat(12)}.tmp`)
  writeFileSync(stale(), 'STRIPE_SECRET_KEY=sk_live_EnvFilesTest000000001\n')
  expect(
    execFileSync('git', ['-C', project, 'status', '--porcelain', '--untracked-files=all'], { encoding: 'utf8' }),
  ).not.toMatch(/keyward/)
  expect((await keyward(['env', 'write', file, '--keys', 'prod'], { env })).code).toBe(0)
  expect(existsSync(stale())).toBe(false)
  writeFileSync(stale(), 'STRIPE_SECRET_KEY=sk_live_EnvFilesTest000000001\n')
  const doctor = await keyward(['doctor'], { env })
  expect(doctor.stdout).toMatch(/leftover temp files: 1 left by an interrupted write, removed/)
  expect(existsSync(stale())).toBe(false)
})
