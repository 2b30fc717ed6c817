import { spawn } from 'node:child_process'
import { cliBundle } from './cli'

/**
 * Runs the built CLI on a real pseudo-terminal (util-linux `script`), answering each prompt when it appears:
 * the way a person at a terminal would use the guided flows.
 */
export function keywardOnTerminal(
  args: readonly string[],
  env: Record<string, string>,
  answers: readonly [RegExp, string][],
): Promise<{ code: number; screen: string }> {
  const command = [process.execPath, cliBundle, ...args].map((part) => `'${part.replace(/'/g, "'\\''")}'`).join(' ')
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qfec', command, '/dev/null'], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TERM: 'dumb', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let screen = ''
    const pending = [...answers]
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      screen += chunk
      const next = pending[0]
      if (next !== undefined && next[0].test(screen)) {
        pending.shift()
        child.stdin.write(`${next[1]}\r`)
      }
    })
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code: code ?? -1, screen })
    })
  })
}
