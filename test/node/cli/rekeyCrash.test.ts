// A password change killed with SIGKILL at any moment leaves a vault that opens — and, once that unlock has settled
// the change, with exactly one of the two passwords: the old one if the re-keyed file never replaced vault.db, the
// new one if it did — with every key and value whole.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { importKeys, listKeys, readSecretValue } from '../../../src-main/core/keys/keyRepository'
import { readHeader } from '../../../src-main/core/vault/header'
import { unlockWithPassword } from '../../../src-main/core/vault/unlockVault'
import { vaultFiles } from '../../../src-main/core/vault/vaultFiles'
import { bundleChildScript } from '../helpers/childScript'
import { newTestVault, PASSWORD, tempDir, testDeps } from '../helpers/testVault'

const RUNS = Number(process.env.KEYWARD_REKEY_CRASH_RUNS ?? 30)
const KEYS = 3000
const temp = tempDir('keyward-rekey-')
const vaultDir = path.join(temp.dir, 'vault')
let child = ''

beforeAll(async () => {
  child = await bundleChildScript(path.join(import.meta.dirname, 'rekeyChild.ts'))
  const { session } = await newTestVault(temp.dir)
  importKeys(
    session,
    Array.from({ length: KEYS }, (_, i) => ({
      key: { provider: 'bulk', name: `k${i}`, notes: 'n'.repeat(200) },
      value: `value-${i}-0000000000`,
    })),
  )
  session.lock()
}, 120_000)
afterAll(() => temp.remove())

/** Runs the change from `from` to `to`; kills it `killAfterMs` after it is ready (never, when null). */
function change(
  from: string,
  to: string,
  killAfterMs: number | null,
): Promise<{ killed: boolean; readyToEndMs: number }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, vaultDir, to], {
      env: { ...process.env, KEYWARD_PASSWORD: from },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let readyAt = 0
    let errors = ''
    proc.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk))
    proc.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (chunk.includes('ready') && readyAt === 0) {
        readyAt = performance.now()
        if (killAfterMs !== null) setTimeout(() => proc.kill('SIGKILL'), killAfterMs)
      }
    })
    proc.on('close', (code, signal) => {
      if (signal !== 'SIGKILL' && code !== 0) return reject(new Error(errors))
      resolve({ killed: signal === 'SIGKILL', readyToEndMs: performance.now() - readyAt })
    })
  })
}

async function opens(password: string): Promise<boolean> {
  try {
    const session = await unlockWithPassword(vaultDir, password, testDeps())
    try {
      expect(session.db.pragma('integrity_check', { simple: true })).toBe('ok')
      const keys = listKeys(session)
      expect(keys).toHaveLength(KEYS)
      const sample = keys[Math.floor(Math.random() * keys.length)]
      expect(readSecretValue(session, sample?.id ?? ('' as never))).toBe(`value-${sample?.name.slice(1)}-0000000000`)
    } finally {
      session.lock()
    }
    return true
  } catch (error) {
    if ((error as { code?: string }).code === 'WRONG_PASSWORD') return false
    throw error
  }
}

it(
  `a password change SIGKILLed at ${RUNS} random moments: exactly one password opens, everything whole`,
  async () => {
    // One uninterrupted change measures how long a change takes here, so the kills spread over all of it.
    const { readyToEndMs } = await change(PASSWORD, 'password-0', null)
    let current = 'password-0'
    const outcomes = { kept: 0, changed: 0 }
    for (let run = 1; run <= RUNS; run++) {
      const next = `password-${run}`
      await change(current, next, Math.random() * readyToEndMs * 1.2)
      // Until an unlock settles an interrupted change, either password opens the vault (once), and that unlock
      // finishes or drops the change. After it, exactly one password opens.
      expect((await opens(current)) || (await opens(next)), `run ${run}: neither password opens`).toBe(true)
      const [old, fresh] = [await opens(current), await opens(next)]
      expect(old !== fresh, `run ${run}: old opens ${old}, new opens ${fresh}`).toBe(true)
      expect(readHeader(vaultFiles(vaultDir)).rekey).toBeUndefined()
      if (fresh) {
        outcomes.changed += 1
        current = next
      } else outcomes.kept += 1
    }
    expect(outcomes.kept + outcomes.changed).toBe(RUNS)
    if (process.env.KEYWARD_REKEY_CRASH_REPORT !== undefined)
      console.log(`rekey crash outcomes: ${JSON.stringify(outcomes)}`)
  },
  10 * 60_000,
)
