import { spawn } from 'node:child_process'
import path from 'node:path'

export const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..')
export const cliBundle = path.join(repoRoot, 'out', 'main', 'cli.cjs')

export interface CliRun {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

/**
 * Runs the BUILT `keyward` (out/main/cli.cjs) as a separate process, as a user would: no TTY, its own
 * environment (only what the test passes, plus PATH/HOME), stdin from `input`.
 */
export function keyward(
  args: readonly string[],
  options: { env?: Record<string, string>; input?: string | Buffer } = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliBundle, ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }))
    // The command may stop reading early (input over its limit): the rest of the input is simply not wanted.
    child.stdin.on('error', () => undefined)
    child.stdin.end(options.input ?? '')
  })
}

/** `keyward init` with the fast KDF and a test's short password in `vaultDir`; returns the recovery code. */
export async function initVault(vaultDir: string, password: string): Promise<string> {
  const run = await keyward(
    ['--vault', vaultDir, 'init', '--kdf-memory', '19', '--kdf-iterations', '2', '--allow-weak-password', '--json'],
    {
      env: { KEYWARD_NEW_PASSWORD: password },
    },
  )
  if (run.code !== 0) throw new Error(`init failed: ${run.stderr}`)
  return (JSON.parse(run.stdout) as { recoveryCode: string }).recoveryCode
}
