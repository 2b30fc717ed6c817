// `npx keyward` runs the committed launcher, whose mode git keeps; a rebuild leaves out/main/cli.cjs 0644 and that
// must not matter.
import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { expect, it } from 'vitest'
import { cliBundle, repoRoot } from '../helpers/cli'

it('npx keyward --version works although the build wrote out/main/cli.cjs without the executable bit', () => {
  const launcher = path.join(
    repoRoot,
    (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { bin: { keyward: string } }).bin.keyward,
  )
  expect(path.relative(repoRoot, launcher)).toBe(path.join('bin', 'keyward.cjs'))
  expect(execFileSync('git', ['-C', repoRoot, 'ls-files', '-s', 'bin/keyward.cjs'], { encoding: 'utf8' })).toMatch(
    /^100755 /,
  )
  expect(statSync(launcher).mode & 0o111).not.toBe(0)
  chmodSync(cliBundle, 0o644) // what `npm run build` leaves behind
  const version = (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version
  const run = spawnSync('npx', ['--no-install', 'keyward', '--version'], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true' },
  })
  expect(run.stderr.replace(/npm warn.*\n/gi, '')).toBe('')
  expect(run.stdout.trim()).toBe(version)
  expect(run.status).toBe(0)
}, 60_000)
