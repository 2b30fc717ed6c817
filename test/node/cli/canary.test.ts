// A canary value added through the CLI must never appear — plain, base64 or hex — in any file of the vault
// directory (database, WAL, header, backups) or in any CLI output other than `get`.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { unlockWithPassword } from '../../../src-main/core/vault/unlockVault'
import type { VaultSession } from '../../../src-main/core/vault/VaultSession'
import { initVault, keyward, type CliRun } from '../helpers/cli'
import { tempDir, testDeps } from '../helpers/testVault'

const CANARY = 'kw_canary_Q7m2Xp9Lz4Rt8Vb1Nc6Hd3'
const RETIRED_CANARY = 'kw_canary_old_W5e8Ty2Ui7Op4As1Df'
const temp = tempDir('keyward-canary-')
const vault = path.join(temp.dir, 'vault')
const env = { KEYWARD_VAULT_DIR: vault, KEYWARD_PASSWORD: 'canary-test-password' }
const outputs: { command: string; run: CliRun }[] = []
let holder: VaultSession

/** Every way the value could leak as bytes: itself, hex, and base64 at each of the three alignments. */
function encodings(value: string): Buffer[] {
  const bytes = Buffer.from(value, 'utf8')
  const forms = [value, bytes.toString('hex'), bytes.toString('hex').toUpperCase()]
  for (let shift = 0; shift < 3; shift++) {
    const aligned = bytes.subarray(shift)
    const whole = Math.floor(aligned.length / 3) * 4
    forms.push(aligned.toString('base64').slice(0, whole), aligned.toString('base64url').slice(0, whole))
  }
  return forms.map((form) => Buffer.from(form, 'utf8'))
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name)
    return statSync(file).isDirectory() ? filesUnder(file) : [file]
  })
}

async function run(command: string, args: string[], input?: string): Promise<CliRun> {
  const result = await keyward(args, { env, ...(input === undefined ? {} : { input }) })
  outputs.push({ command, run: result })
  return result
}

beforeAll(async () => {
  await initVault(vault, env.KEYWARD_PASSWORD)
  // A second connection held open keeps the WAL file on disk, so its bytes are checked too.
  holder = await unlockWithPassword(vault, env.KEYWARD_PASSWORD, testDeps())
  await run(
    'add',
    ['add', 'canary', '--provider', 'other', '--env-var', 'OPENAI_API_KEY', '--value-stdin'],
    `${RETIRED_CANARY}\n`,
  )
  await run('set-value', ['set-value', 'canary', '--value-stdin'], `${CANARY}\n`)
  await run('add duplicate', ['add', 'twin', '--provider', 'other', '--value-stdin'], CANARY)
  for (const [command, args] of [
    ['list', ['list']],
    ['list --json', ['list', '--json']],
    ['show', ['show', 'other/canary']],
    ['show --json', ['show', 'other/canary', '--json']],
    ['search', ['search', 'canary', '--json']],
    ['history', ['history', 'other/canary', '--json']],
    ['audit', ['audit', '--json']],
    ['backup', ['backup']],
    ['doctor', ['doctor', '--json']],
    ['wrong password', ['list']],
  ] as const) {
    if (command === 'wrong password')
      outputs.push({ command, run: await keyward([...args], { env: { ...env, KEYWARD_PASSWORD: CANARY } }) })
    else await run(command, [...args])
  }
})

afterAll(() => {
  holder.lock()
  temp.remove()
})

describe('the canary', () => {
  it('get prints it, and only get', async () => {
    expect((await keyward(['get', 'other/canary'], { env })).stdout).toBe(`${CANARY}\n`)
    for (const { command, run: result } of outputs) {
      for (const form of [...encodings(CANARY), ...encodings(RETIRED_CANARY)]) {
        expect(`${result.stdout}${result.stderr}`.includes(form.toString()), `${command} output`).toBe(false)
      }
    }
  })

  it('is in no file of the vault directory, the WAL and the backups included', () => {
    const files = filesUnder(vault)
    expect(files.some((file) => file.endsWith('vault.db-wal'))).toBe(true)
    expect(files.some((file) => file.includes(`${path.sep}backups${path.sep}`))).toBe(true)
    for (const file of files) {
      const bytes = readFileSync(file)
      for (const form of [...encodings(CANARY), ...encodings(RETIRED_CANARY)]) {
        expect(bytes.includes(form), `${path.relative(vault, file)} contains ${form.toString()}`).toBe(false)
      }
    }
  })

  it('duplicates are reported by name, never by value', () => {
    const added = outputs.find((output) => output.command === 'add duplicate')
    expect(added?.run.stderr).toContain('other/canary')
  })
})
