// The soak of issue 18: `keyward passwd` again and again beside a random mix of `add`, `list`, `backup` and the
// app's unlock path (VaultService with the built vault worker, a daily backup due on every unlock — one at a time,
// as the single-instance app has one), while another process keeps a core busy. Whatever the interleaving: no key reported added is lost, one of the two passwords
// always opens the vault, its integrity check passes, and nothing ever says "damaged".
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { listKeys } from '../../../src-main/core/keys/keyRepository'
import { unlockWithPassword } from '../../../src-main/core/vault/unlockVault'
import { VaultService } from '../../../src-main/core/vault/VaultService'
import { initVault, keyward, repoRoot, type CliRun } from '../helpers/cli'
import { tempDir, testDeps } from '../helpers/testVault'

const ITERATIONS = Number(process.env.KEYWARD_SOAK_ITERATIONS ?? 200)
const FAST = ['--kdf-memory', '19', '--kdf-iterations', '2', '--kdf-parallelism', '1', '--allow-weak-password']
const vaultWorker = path.join(repoRoot, 'out', 'main', 'vaultWorker.js')
const temp = tempDir('keyward-soak-')
const vaultDir = path.join(temp.dir, 'vault')
let burner: ChildProcess | null = null

beforeAll(async () => {
  await initVault(vaultDir, 'password-0')
  // The busy machine: one core spinning for as long as the soak runs.
  // It ends itself once this process is gone (a test run killed before afterAll must not leave a core spinning).
  const spin = `for (let i = 0; ; i++) if (i % 1e7 === 0 && process.ppid !== ${process.pid}) process.exit()`
  burner = spawn(process.execPath, ['-e', spin], { stdio: 'ignore' })
})
afterAll(() => {
  burner?.kill('SIGKILL')
  temp.remove()
})

type Outcome = { kind: string; run: CliRun | { code: number; stdout: string; stderr: string } }

/** The app's unlock path: the worker prepares (integrity check, daily backup — due, a day later each time). */
async function appUnlock(password: string, day: number): Promise<Outcome> {
  const clock = { now: () => new Date(Date.now() + day * 86_400_000) }
  const service = new VaultService({ ...testDeps(), clock, actor: 'app', dir: vaultDir, vaultWorker })
  try {
    await service.unlock({ password })
    const count = await service.run(({ session }) => listKeys(session).length)
    await service.lock('user')
    return { kind: 'app', run: { code: 0, stdout: String(count), stderr: '' } }
  } catch (error) {
    return {
      kind: 'app',
      run: { code: 1, stdout: '', stderr: `${(error as { code?: string }).code ?? ''} ${(error as Error).message}` },
    }
  }
}

it(
  `passwd ${ITERATIONS} times beside add, list, backup and the app's unlock, on a busy machine`,
  async () => {
    let current = 'password-0'
    const added = new Set<string>()
    const counts = {
      iterations: 0,
      changed: 0,
      refused: 0,
      adds: 0,
      addsRefused: 0,
      lost: 0,
      neitherOpens: 0,
      integrityFailures: 0,
      damaged: 0,
      unexpected: 0,
    }
    for (let i = 1; i <= ITERATIONS; i++) {
      const next = `password-${i}`
      const env = (password: string) => ({ env: { KEYWARD_PASSWORD: password } })
      const pick = () => (Math.random() < 0.5 ? current : next)
      const others: Promise<Outcome>[] = []
      let appRunning = false
      for (let n = 0; n < 1 + Math.floor(Math.random() * 3); n++) {
        // The app is single-instance with one vault service: at most one app-path unlock at a time in this process.
        const roll = appRunning ? Math.random() * 0.75 : Math.random()
        if (roll < 0.35) {
          const name = `k${i}-${n}`
          others.push(
            keyward(['--vault', vaultDir, 'add', name, '--provider', 'solo', '--value-stdin'], {
              ...env(pick()),
              input: `value-${name}-0000`,
            }).then((run) => ({ kind: `add ${name}`, run })),
          )
        } else if (roll < 0.55)
          others.push(keyward(['--vault', vaultDir, 'list'], env(pick())).then((run) => ({ kind: 'list', run })))
        else if (roll < 0.75)
          others.push(keyward(['--vault', vaultDir, 'backup'], env(pick())).then((run) => ({ kind: 'backup', run })))
        else {
          appRunning = true
          others.push(appUnlock(pick(), i))
        }
      }
      const passwd = keyward(['--vault', vaultDir, 'passwd', ...FAST], {
        env: { KEYWARD_PASSWORD: current, KEYWARD_NEW_PASSWORD: next },
      })
      const outcomes = [{ kind: 'passwd', run: await passwd }, ...(await Promise.all(others))]
      for (const { kind, run } of outcomes) {
        if (/damaged|integrity/i.test(run.stderr)) counts.damaged += 1
        if (/This is a bug/.test(run.stderr)) counts.unexpected += 1
        if (process.env.KEYWARD_SOAK_DEBUG !== undefined && /damaged|integrity|bug/i.test(run.stderr))
          console.log(i, kind, run.stderr)
        if (!kind.startsWith('add')) continue
        counts.adds += 1
        if (/Added /.test(run.stderr)) added.add(kind.slice(4))
        else counts.addsRefused += 1
      }
      const [changed] = outcomes
      if (changed?.run.code === 0) {
        counts.changed += 1
        current = next
      } else counts.refused += 1
      // One password opens, the one the outcome says; everything reported added is there; the file is whole.
      try {
        const session = await unlockWithPassword(vaultDir, current, testDeps())
        try {
          const integrity = session.db.pragma('integrity_check', { simple: true })
          if (integrity !== 'ok') {
            counts.integrityFailures += 1
            if (process.env.KEYWARD_SOAK_DEBUG !== undefined)
              console.log(
                i,
                'integrity',
                integrity,
                JSON.stringify(outcomes.map(({ kind, run }) => [kind, run.code, run.stderr.slice(0, 300)])),
              )
          }
          const names = new Set(listKeys(session).map((key) => key.name))
          counts.lost += [...added].filter((name) => !names.has(name)).length
        } finally {
          session.lock()
        }
      } catch {
        counts.neitherOpens += 1
      }
      counts.iterations = i
    }
    mkdirSync(path.join(repoRoot, 'test-results'), { recursive: true })
    writeFileSync(path.join(repoRoot, 'test-results', 'soak.json'), `${JSON.stringify(counts, null, 2)}\n`)
    console.log(`password-change soak: ${JSON.stringify(counts)}`)
    expect(counts).toMatchObject({
      iterations: ITERATIONS,
      lost: 0,
      neitherOpens: 0,
      integrityFailures: 0,
      damaged: 0,
      unexpected: 0,
    })
    // The soak means something only if changes happened and commands got through beside them.
    expect(counts.changed).toBeGreaterThan(ITERATIONS / 4)
    expect(added.size).toBeGreaterThan(0)
  },
  60 * 60_000,
)
