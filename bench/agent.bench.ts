// Issue 21's numbers, in one run on an idle machine: whole-process `keyward get` and `keyward search` through the
// headless agent (the built CLI, `agent start --allow '*'`), `node -e 0` measured in the same run, interleaved;
// `keyward run --keys` through the agent; and keepassxc-cli search on a database of the same 10k keys with a
// comparable KDF. Child processes run without NODE_EXTRA_CA_CERTS (it adds ~50 ms to every Node start here and is
// not what a user's shell has); `node -e 0` gets the same environment.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { importKeys } from '../src-main/core/keys/keyRepository'
import { createVault } from '../src-main/core/vault/createVault'
import { derivePasswordKey } from '../src-main/core/vault/passwordKdf'
import { keepassXml, searchQueries, syntheticKeys } from './fixtures'
import { measure, type Measurement } from './measure'
import { hasCommand } from './processTimer'

const PASSWORD = 'benchmark password'
const cli = path.join(import.meta.dirname, '..', 'out', 'main', 'cli.cjs')
const RUNS = 41

interface Sampled {
  readonly median: number
  readonly p90: number
}

function stats(samples: number[]): Sampled {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN
  return { median: at(0.5), p90: at(0.9) }
}

/** Runs each command once per round, in turn, `rounds` times: machine noise falls on all of them alike. */
function interleaved(
  commands: Record<string, { command: string; args: readonly string[]; input?: string }>,
  env: NodeJS.ProcessEnv,
  rounds: number,
): Record<string, Sampled> {
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(commands).map((name) => [name, []]))
  for (let round = 0; round < rounds; round++) {
    for (const [name, { command, args, input }] of Object.entries(commands)) {
      const start = performance.now()
      const run = spawnSync(command, args, { env, input: input ?? '', encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
      const elapsed = performance.now() - start
      if (run.status !== 0) throw new Error(`${name} failed (${run.status}): ${run.stderr.slice(0, 300)}`)
      if (round > 0) samples[name]?.push(elapsed) // the first round warms the disk cache
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, stats(values)]))
}

const row = (name: string, sampled: Sampled, target?: string, iterations = RUNS - 1): Measurement => ({
  name,
  iterations,
  medianMs: sampled.median,
  p95Ms: sampled.p90,
  ...(target === undefined ? {} : { target }),
})

export async function agentBenchmarks(): Promise<{ measurements: Measurement[]; notes: string[] }> {
  const work = mkdtempSync(path.join(tmpdir(), 'keyward-agent-bench-'))
  const agentDir = path.join(work, 'run')
  mkdirSync(agentDir, { mode: 0o700 })
  const vaultDir = path.join(work, 'vault')
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    KEYWARD_VAULT_DIR: vaultDir,
    KEYWARD_AGENT_DIR: agentDir,
    KEYWARD_STATE_DIR: path.join(work, 'state'),
  }
  const notes: string[] = []
  try {
    // A user's vault: the calibrated KDF (≈0.5 s here), 10,000 keys.
    const created = await createVault(vaultDir, PASSWORD, {}, { clock: { now: () => new Date() }, actor: 'cli' })
    importKeys(created.session, syntheticKeys(10_000))
    const kdf = created.session.header.kdf
    created.session.lock()
    const kdfMs = (await measure('kdf', () => derivePasswordKey(PASSWORD, kdf), { iterations: 3, warmup: 1 })).medianMs

    const started = spawnSync(process.execPath, [cli, 'agent', 'start', '--allow', '*', '--password-stdin'], {
      env,
      input: `${PASSWORD}\n`,
      encoding: 'utf8',
    })
    if (started.status !== 0) throw new Error(`agent start failed: ${started.stderr}`)
    const ref = syntheticKeys(1, 1234)[0]?.key
    const query = searchQueries(1, 10_000)[0] ?? 'bill'
    const measured = interleaved(
      {
        bare: { command: process.execPath, args: ['-e', '0'] },
        get: { command: process.execPath, args: [cli, 'get', `${ref?.provider ?? ''}/${ref?.name ?? ''}`] },
        search: { command: process.execPath, args: [cli, 'search', query, '--json'] },
        run: {
          command: process.execPath,
          args: [cli, 'run', '--keys', `${ref?.provider ?? ''}/${ref?.name ?? ''}`, '--', process.execPath, '-e', '0'],
        },
      },
      env,
      RUNS,
    )
    const { bare, get, search, run } = measured as Record<'bare' | 'get' | 'search' | 'run', Sampled>
    const measurements: Measurement[] = [
      row('`node -e 0` (same run, same environment)', bare),
      row(
        '`keyward get` through the agent, whole process',
        get,
        `≤ node -e 0 + 15 = ${(bare.median + 15).toFixed(1)} ms`,
      ),
      row(
        '`keyward get` through the agent minus `node -e 0`',
        { median: get.median - bare.median, p90: get.p90 - bare.median },
        '≤ 15 ms',
      ),
      row('`keyward search` 10k vault through the agent, whole process', search),
      row('`keyward run --keys K -- node -e 0` through the agent', run),
      row(
        "`keyward run` through the agent minus two Node starts (its own, the command's)",
        { median: run.median - 2 * bare.median, p90: run.p90 - 2 * bare.median },
        '≤ 20 ms',
      ),
    ]
    if (hasCommand('keepassxc-cli')) {
      const xml = path.join(work, 'export.xml')
      const kdbx = path.join(work, 'bench.kdbx')
      writeFileSync(xml, keepassXml(syntheticKeys(10_000)))
      const imported = spawnSync('keepassxc-cli', ['import', '-q', '-p', '-t', String(Math.round(kdfMs)), xml, kdbx], {
        input: `${PASSWORD}\n${PASSWORD}\n`,
        encoding: 'utf8',
      })
      if (imported.status !== 0) throw new Error(`keepassxc-cli import failed: ${imported.stderr}`)
      const keepassxc = interleaved(
        { keepassxc: { command: 'keepassxc-cli', args: ['search', '-q', kdbx, query], input: `${PASSWORD}\n` } },
        env,
        11,
      ).keepassxc as Sampled
      measurements.push(row('`keepassxc-cli search` 10k database, whole process', keepassxc, undefined, 10))
      measurements.push({
        name: 'keepassxc-cli search ÷ keyward search (through the agent)',
        iterations: 1,
        medianMs: keepassxc.median / search.median,
        p95Ms: keepassxc.median / search.median,
        target: '≥ 10×',
      })
      notes.push(
        `keepassxc-cli ${spawnSync('keepassxc-cli', ['--version'], { encoding: 'utf8' }).stdout.trim()}, ` +
          `decryption time ${Math.round(kdfMs)} ms (Keyward's calibrated Argon2id here)`,
      )
    } else notes.push('keepassxc-cli not installed (Debian: apt-get install keepassxc): no comparison')
    notes.push(`query "${query}"; ${RUNS - 1} interleaved runs each after one warm-up round; p95 column holds p90`)
    return { measurements, notes }
  } finally {
    spawnSync(process.execPath, [cli, 'agent', 'stop'], { env })
    // `agent stop` answers before the agent has removed its socket and files: retried while they go.
    rmSync(work, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 })
  }
}
