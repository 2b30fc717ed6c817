import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { bundleChildScript } from './childScript'
import { cliBundle, type CliRun } from './cli'

let preload: Promise<string> | null = null

/** The pauseAtCall preload, bundled once per test file. */
function pausePreload(): Promise<string> {
  preload ??= bundleChildScript(path.join(import.meta.dirname, 'pauseAtCall.ts'))
  return preload
}

export interface RunningKeyward {
  readonly pid: number
  /** Resolves when the process has stopped at its named call. */
  reached(): Promise<void>
  /** Lets a stopped process go on. */
  go(): void
  /** Resolves when stderr has shown `pattern` (true), or the process ended first (false). */
  saw(pattern: RegExp): Promise<boolean>
  kill(): void
  readonly done: Promise<CliRun & { signal: NodeJS.Signals | null }>
}

async function until(check: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const started = Date.now()
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/**
 * Starts the BUILT keyward (as helpers/cli.ts does: no TTY, only the env given plus PATH/HOME) — stopped at the
 * named file-system call when `pauseAt` is given ("renameSync|/abs/path|N"), until `go()`.
 */
export async function startKeyward(
  args: readonly string[],
  env: Record<string, string>,
  options: { pauseAt?: string; input?: string } = {},
): Promise<RunningKeyward> {
  const { pauseAt } = options
  const gate = mkdtempSync(path.join(tmpdir(), 'keyward-gate-'))
  const preloadArgs = pauseAt === undefined ? [] : ['--import', pathToFileURL(await pausePreload()).href]
  const child = spawn(process.execPath, [...preloadArgs, cliBundle, ...args], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      ...env,
      ...(pauseAt === undefined ? {} : { KEYWARD_PAUSE_AT: pauseAt, KEYWARD_PAUSE_GATE: gate }),
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  let ended = false
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  child.stdin.on('error', () => undefined)
  child.stdin.end(options.input ?? '')
  const done = new Promise<CliRun & { signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code, signal) => {
      ended = true
      resolve({ code: code ?? -1, signal, stdout, stderr })
    })
  })
  return {
    pid: child.pid ?? -1,
    reached: () =>
      until(() => existsSync(path.join(gate, 'reached')) || ended, `${args.join(' ')} to reach ${pauseAt ?? '?'}`).then(
        () => {
          if (!existsSync(path.join(gate, 'reached')))
            throw new Error(`${args.join(' ')} ended before ${pauseAt ?? '?'}: ${stderr}`)
        },
      ),
    go: () => writeFileSync(path.join(gate, 'go'), ''),
    saw: async (pattern) => {
      await until(() => pattern.test(stderr) || ended, `${pattern} from ${args.join(' ')}`)
      return pattern.test(stderr)
    },
    kill: () => child.kill('SIGKILL'),
    done,
  }
}
