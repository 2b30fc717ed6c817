// Crash safety: a writer is killed with SIGKILL at a random moment, again and again. After each kill the vault must
// open, pass integrity_check, and hold every transaction the writer reported as committed, whole.
// KEYWARD_CRASH_RUNS raises the run count (default 200).
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { listKeys, revealValue } from '../../../src-main/core/keys/keyRepository'
import { unlockWithPassword } from '../../../src-main/core/vault/unlockVault'
import { bundleChildScript } from '../helpers/childScript'
import { newTestVault, PASSWORD, tempDir, testDeps } from '../helpers/testVault'
import { keyIdOf } from '../../../src-main/core/keys/keyRef'

const RUNS = Number(process.env.KEYWARD_CRASH_RUNS ?? 200)
const PARALLEL = 2
const temp = tempDir('keyward-crash-')
let child = ''

beforeAll(async () => {
  child = await bundleChildScript(path.join(import.meta.dirname, 'writerChild.ts'))
})
afterAll(() => temp.remove())

const digest = (value: string) => createHash('sha256').update(value).digest('hex')

interface RunReport {
  /** ref → hash of the value of its last reported commit. */
  readonly committed: Map<string, string>
  /** The transaction begun but not reported committed when the kill came: it may or may not have landed. */
  readonly inFlight: { ref: string; hash: string } | undefined
}

/**
 * When to kill: after a random number of reported commits (always among the writes, however slow the machine),
 * or at a random time after the spawn (wherever that falls: start-up — unlock, migration, daily backup — or writes).
 */
type Trigger = { readonly afterCommits: number } | { readonly afterMs: number }

function randomTrigger(run: number): Trigger {
  return run % 2 === 0 ? { afterCommits: 1 + Math.floor(Math.random() * 40) } : { afterMs: Math.random() * 300 }
}

/** Starts the writer and SIGKILLs it at the trigger; returns what it reported. */
function killAt(vaultDir: string, trigger: Trigger): Promise<RunReport> {
  return new Promise((resolve, reject) => {
    const writer = spawn(process.execPath, [child, vaultDir, 'crash'], {
      env: { ...process.env, KEYWARD_PASSWORD: PASSWORD },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    let errors = ''
    writer.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk
      if ('afterCommits' in trigger && (output.match(/^committed /gm)?.length ?? 0) >= trigger.afterCommits)
        writer.kill('SIGKILL')
    })
    writer.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk))
    writer.on('error', reject)
    const timer = 'afterMs' in trigger ? setTimeout(() => writer.kill('SIGKILL'), trigger.afterMs) : undefined
    writer.on('close', (_code, signal) => {
      clearTimeout(timer)
      if (signal !== 'SIGKILL') return reject(new Error(`writer ended on its own: ${errors}`))
      const committed = new Map<string, string>()
      let inFlight: RunReport['inFlight']
      // A line cut by the kill is not a report: only whole lines count.
      for (const line of output.split('\n').slice(0, -1)) {
        const [word, ref, hash] = line.split(' ')
        if (ref === undefined || hash === undefined) continue
        if (word === 'begin') inFlight = { ref, hash }
        if (word === 'committed') {
          committed.set(ref, hash)
          inFlight = undefined
        }
      }
      resolve({ committed, inFlight })
    })
  })
}

/**
 * Checks the vault against what a run reported (each writer touches only keys it created, so earlier runs' keys
 * cannot change), and settles the in-flight transaction: it must have landed whole or not at all.
 */
async function verify(
  vaultDir: string,
  expected: ReadonlyMap<string, string>,
  inFlight: RunReport['inFlight'],
): Promise<number> {
  const session = await unlockWithPassword(vaultDir, PASSWORD, testDeps())
  try {
    expect(session.db.pragma('integrity_check', { simple: true })).toBe('ok')
    const present = new Set(listKeys(session).map((key) => key.ref))
    for (const [ref, hash] of expected) {
      expect(present.has(ref), `${ref} reported committed but missing`).toBe(true)
      if (ref === inFlight?.ref) continue
      expect(digest(revealValue(session, keyIdOf(session, ref))), `${ref} value`).toBe(hash)
    }
    if (inFlight !== undefined && present.has(inFlight.ref)) {
      const actual = digest(revealValue(session, keyIdOf(session, inFlight.ref)))
      expect([expected.get(inFlight.ref), inFlight.hash], `${inFlight.ref} in flight`).toContain(actual)
    }
    return present.size
  } finally {
    session.lock()
  }
}

it(
  `survives ${RUNS} SIGKILLs at random moments with every committed transaction whole`,
  async () => {
    const lanes = Array.from({ length: PARALLEL }, async (_, lane) => {
      const dir = path.join(temp.dir, `lane-${lane}`)
      ;(await newTestVault(dir)).session.lock()
      const vaultDir = path.join(dir, 'vault')
      let reportedTotal = 0
      let keysBefore = 0
      for (let run = lane; run < RUNS; run += PARALLEL) {
        const trigger = randomTrigger(Math.floor(run / PARALLEL))
        const { committed, inFlight } = await killAt(vaultDir, trigger)
        // A commit-count kill lands among the writes by construction: the writer reported at least that many.
        if ('afterCommits' in trigger) expect(committed.size).toBeGreaterThanOrEqual(1)
        reportedTotal += committed.size
        const keysAfter = await verify(vaultDir, committed, inFlight)
        // Nothing earlier was lost either: the vault only grows by what this run created.
        expect(keysAfter).toBeGreaterThanOrEqual(keysBefore)
        keysBefore = keysAfter
      }
      return reportedTotal
    })
    const reported = (await Promise.all(lanes)).reduce((sum, count) => sum + count, 0)
    // The kills must land among the writes, or the test proves nothing.
    expect(reported).toBeGreaterThan(RUNS)
  },
  15 * 60_000,
)
