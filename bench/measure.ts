import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'

export interface Measurement {
  readonly name: string
  readonly iterations: number
  readonly medianMs: number
  readonly p95Ms: number
  readonly target?: string
}

/** Runs `work` `iterations` times after `warmup` untimed runs and reports the median and 95th percentile. */
export async function measure(
  name: string,
  work: () => unknown,
  { iterations = 1000, warmup = 50, target }: { iterations?: number; warmup?: number; target?: string } = {},
): Promise<Measurement> {
  for (let i = 0; i < warmup; i++) await work()
  const samples: number[] = []
  for (let i = 0; i < iterations; i++) {
    const start = process.hrtime.bigint()
    await work()
    samples.push(Number(process.hrtime.bigint() - start) / 1e6)
  }
  samples.sort((a, b) => a - b)
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? Number.NaN
  return { name, iterations, medianMs: at(0.5), p95Ms: at(0.95), ...(target === undefined ? {} : { target }) }
}

/** Prints the table and writes bench/results/<suite>.json. */
export function report(suite: string, measurements: readonly Measurement[]): void {
  console.log(`\n${suite}`)
  console.table(
    measurements.map((m) => ({
      benchmark: m.name,
      runs: m.iterations,
      'median ms': m.medianMs.toFixed(4),
      'p95 ms': m.p95Ms.toFixed(4),
      target: m.target ?? '',
    })),
  )
  const dir = path.join(import.meta.dirname, 'results')
  mkdirSync(dir, { recursive: true })
  const file = path.join(dir, `${suite}.json`)
  writeFileSync(
    file,
    JSON.stringify({ suite, at: new Date().toISOString(), node: process.version, measurements }, null, 2),
  )
  console.log(`written: ${path.relative(process.cwd(), file)}`)
}

/** Prints Keyward beside another tool, as ratios (< 1 means Keyward is faster). */
export function reportComparison(
  suite: string,
  rows: readonly { workload: string; keywardMs: number; keepassxcMs: number | null }[],
  notes: readonly string[],
): void {
  console.log(`\n${suite}: Keyward vs keepassxc-cli`)
  console.table(
    rows.map((row) => ({
      workload: row.workload,
      'keyward ms': row.keywardMs.toFixed(1),
      'keepassxc-cli ms': row.keepassxcMs === null ? 'n/a' : row.keepassxcMs.toFixed(1),
      'ratio (keyward / keepassxc)': row.keepassxcMs === null ? 'n/a' : (row.keywardMs / row.keepassxcMs).toFixed(2),
    })),
  )
  for (const note of notes) console.log(`note: ${note}`)
  const dir = path.join(import.meta.dirname, 'results')
  mkdirSync(dir, { recursive: true })
  writeFileSync(
    path.join(dir, `${suite}-comparison.json`),
    JSON.stringify({ suite, at: new Date().toISOString(), rows, notes }, null, 2),
  )
}
