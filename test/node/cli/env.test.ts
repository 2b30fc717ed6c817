// keyward env write / import / example and keyward run, through the built CLI.
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { initVault, keyward } from '../helpers/cli'
import { tempDir } from '../helpers/testVault'

const temp = tempDir('keyward-env-')
const project = path.join(temp.dir, 'project')
const env = { KEYWARD_VAULT_DIR: path.join(temp.dir, 'vault'), KEYWARD_PASSWORD: 'env-tests' }
const STRIPE = 'sk_live_EnvTestValue0123456789'
const METER = 'sm_env_test_0123456789'

beforeAll(async () => {
  mkdirSync(project)
  execFileSync('git', ['init', '-q', project])
  await initVault(env.KEYWARD_VAULT_DIR, env.KEYWARD_PASSWORD)
  await keyward(['add', 'prod', '--provider', 'stripe', '--environment', 'production', '--value-stdin'], {
    env,
    input: STRIPE,
  })
  await keyward(['add', 'meter', '--environment', 'production', '--value-stdin'], { env, input: METER })
})
afterAll(() => temp.remove())

describe('keyward env', () => {
  it("write merges the environment's keys into a messy .env, changing nothing else, and warns it is not ignored", async () => {
    const file = path.join(project, '.env')
    writeFileSync(
      file,
      '# Payments\r\nexport STRIPE_SECRET_KEY="sk_live_old" # rotated quarterly\r\n\r\nPUBLIC_URL=https://example.com\r\nMULTI="line one\r\nline two"',
    )
    const run = await keyward(['env', 'write', file, '--environment', 'production'], { env })
    expect(run.code, run.stderr).toBe(0)
    expect(run.stderr).toMatch(/not ignored by git/)
    expect(readFileSync(file, 'utf8')).toBe(
      `# Payments\r\nexport STRIPE_SECRET_KEY=${STRIPE} # rotated quarterly\r\n\r\nPUBLIC_URL=https://example.com\r\nMULTI="line one\r\nline two"\r\nSOLENOID_METER_API_KEY=${METER}`,
    )
    expect(`${run.stdout}${run.stderr}`).not.toContain(STRIPE)
  })

  it('--dry-run writes nothing; a new file is created 0600; an ignored file gets no warning', async () => {
    writeFileSync(path.join(project, '.gitignore'), '.env.local\n')
    const file = path.join(project, '.env.local')
    const dry = await keyward(['env', 'write', file, '--keys', 'stripe/prod', '--dry-run', '--json'], { env })
    expect(JSON.parse(dry.stdout)).toMatchObject({ added: ['STRIPE_SECRET_KEY'], created: true })
    expect(() => statSync(file)).toThrow()
    const run = await keyward(['env', 'write', file, '--keys', 'stripe/prod'], { env })
    expect(run.stderr).not.toMatch(/warning/)
    expect(statSync(file).mode & 0o777).toBe(0o600)
  })

  it('import creates keys for recognised values only and skips ones already stored', async () => {
    const file = path.join(project, 'import.env')
    writeFileSync(
      file,
      `OPENAI_API_KEY=sk-proj-4fQ9vL2mXc8RtY1nB7kD3sH6gJ0pW5zA9eU2iO4qT3BlbkFJx7Lm2Nq8Rv4Tz6Yb1Cd3Ef5G\nPORT=3000\nSTRIPE_SECRET_KEY=${STRIPE}\n`,
    )
    const report = JSON.parse((await keyward(['env', 'import', file, '--json'], { env })).stdout) as {
      created: string[]
      duplicates: { variable: string }[]
      unrecognised: string[]
    }
    expect(report).toEqual({
      created: ['openai/openai-api-key'],
      duplicates: [{ variable: 'STRIPE_SECRET_KEY', existing: 'stripe/prod' }],
      unrecognised: ['PORT'],
      placeholders: [],
      temporary: [],
      conflicts: [],
    })
    expect(JSON.parse((await keyward(['show', 'openai/openai-api-key', '--json'], { env })).stdout)).toMatchObject({
      envVar: 'OPENAI_API_KEY',
    })
  })

  it('example writes the variable names with empty values', async () => {
    const file = path.join(project, '.env')
    expect((await keyward(['env', 'example', file])).code).toBe(0)
    expect(readFileSync(`${file}.example`, 'utf8')).toBe(
      'STRIPE_SECRET_KEY=\nPUBLIC_URL=\nMULTI=\nSOLENOID_METER_API_KEY=\n',
    )
  })
})

describe('keyward run', () => {
  it('passes the keys in the environment (not argv), and the exit code through', async () => {
    const run = await keyward(
      [
        'run',
        '--keys',
        'solenoid-meter/meter',
        '--',
        process.execPath,
        '-e',
        'process.stdout.write(process.env.SOLENOID_METER_API_KEY.slice(0, 7)); process.exit(7)',
      ],
      { env },
    )
    expect(run.code).toBe(7)
    expect(run.stdout).toBe('sm_env_')
  })

  it('never hands the master password to the child', async () => {
    const run = await keyward(
      [
        'run',
        '--keys',
        'stripe/prod',
        '--',
        process.execPath,
        '-e',
        'process.stdout.write(String(process.env.KEYWARD_PASSWORD) + "|" + process.env.STRIPE_SECRET_KEY.slice(0, 8))',
      ],
      { env },
    )
    expect(run.stdout).toBe('undefined|sk_live_')
  })

  it('refuses a selection that leaves a key without an env var name, and needs a command', async () => {
    await keyward(['add', 'nameless', '--provider', 'other', '--environment', 'staging', '--value-stdin'], {
      env,
      input: 'other-value-000000',
    })
    const run = await keyward(['run', '--environment', 'staging', '--', 'true'], { env })
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/No env var name for other\/nameless/)
  })
})
