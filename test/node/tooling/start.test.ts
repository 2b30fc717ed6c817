// `npm start` on a machine without the Electron binary must stop with one line, not a stack trace.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '..', '..', '..')

it('stops with a one-line message when no Electron binary is installed', () => {
  // An empty override directory makes "no binary" true on any machine, with or without Electron.
  const emptyDist = mkdtempSync(path.join(tmpdir(), 'keyward-no-electron-'))
  try {
    const run = spawnSync(
      process.execPath,
      [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'src-main/tooling/start.ts'],
      {
        cwd: root,
        env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: emptyDist },
        encoding: 'utf8',
        timeout: 60_000,
      },
    )
    expect(run.status).toBe(1)
    expect(run.stdout).toBe('')
    const lines = run.stderr.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^keyward: cannot start the desktop app: no Electron binary /)
  } finally {
    rmSync(emptyDist, { recursive: true, force: true })
  }
})
