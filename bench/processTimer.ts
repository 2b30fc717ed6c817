import { spawnSync } from 'node:child_process'
import { performance } from 'node:perf_hooks'

/** Median wall time (ms) of a whole process, `runs` times, with `input` on stdin; throws if it fails. */
export function timeProcess(
  command: string,
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; input?: string; runs?: number } = {},
): number {
  const samples: number[] = []
  for (let i = 0; i < (options.runs ?? 5); i++) {
    const start = performance.now()
    const run = spawnSync(command, args, {
      env: options.env ?? process.env,
      input: options.input ?? '',
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    })
    samples.push(performance.now() - start)
    if (run.status !== 0)
      throw new Error(`${command} ${args.join(' ')} failed (${run.status}): ${run.stderr.slice(0, 300)}`)
  }
  samples.sort((a, b) => a - b)
  return samples[Math.floor(samples.length / 2)] ?? Number.NaN
}

export function hasCommand(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0
}
