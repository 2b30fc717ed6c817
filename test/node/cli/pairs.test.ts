// Credential pairs end to end (issue 25): an AWS or Twilio key is only usable with its public id beside the secret,
// so `run`, `env write`, `env inject`, `env shell` and `copy --format env` give both. Each test failed before: only
// the secret's variable was set, and the SDKs could not authenticate.
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'dotenv'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { initVault, keyward } from '../helpers/cli'
import { tempDir } from '../helpers/testVault'

const temp = tempDir('keyward-pairs-')
const env: Record<string, string> = { KEYWARD_VAULT_DIR: path.join(temp.dir, 'vault'), KEYWARD_PASSWORD: 'pairs-1' }
const aws = { id: 'AKIA7Q4N2B5X9C3D8E6F', secret: 'q9Zx4Lm2Vb7Nc1Rt5Yh8Kj3Pw6Sd0Fg2Ha4Jk/+U' }
const awsProd = { id: 'AKIA3M8V1C6X2Z9B4N7Q', secret: 'Tg7Hy2Uj5Ik8Ol1Pz4Xc6Vb9Nm3As0Df5Gh8Jk+/' }
const twilio = {
  keySid: `SK${'0123456789abcdef'.repeat(2)}`,
  secret: 'Zq8Wm3Nx5Rb7Tc2Vy4Pk6Lh9Gj1Fd0Sa',
  accountSid: `AC${'fedcba9876543210'.repeat(2)}`,
}
const printEnv = (names: string[]) => [
  process.execPath,
  '-e',
  `process.stdout.write(JSON.stringify(${JSON.stringify(names)}.map((n) => process.env[n] ?? null)))`,
]

async function add(args: string[], value: string): Promise<void> {
  const run = await keyward(['add', ...args, '--value-stdin'], { env, input: value })
  if (run.code !== 0) throw new Error(run.stderr)
}

beforeAll(async () => {
  await initVault(env.KEYWARD_VAULT_DIR ?? '', env.KEYWARD_PASSWORD ?? '')
  await add(['deploy', '--provider', 'aws', '--metadata', JSON.stringify({ accessKeyId: aws.id })], aws.secret)
  await add(
    [
      'prod',
      '--provider',
      'aws',
      '--env-var',
      'PROD_AWS_SECRET_ACCESS_KEY',
      '--environment',
      'production',
      '--metadata',
      JSON.stringify({ accessKeyId: awsProd.id }),
    ],
    awsProd.secret,
  )
  await add(
    [
      'sms',
      '--provider',
      'twilio',
      '--metadata',
      JSON.stringify({ keySid: twilio.keySid, accountSid: twilio.accountSid }),
    ],
    twilio.secret,
  )
})
afterAll(() => temp.remove())

describe('keyward run', () => {
  it('sets the AWS access key id beside the secret', async () => {
    const run = await keyward(
      ['run', '--keys', 'aws/deploy', '--', ...printEnv(['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'])],
      {
        env,
      },
    )
    expect(run.code, run.stderr).toBe(0)
    expect(JSON.parse(run.stdout)).toEqual([aws.id, aws.secret])
  })

  it('names the id after a prefixed secret variable, and gives Twilio its key SID and account SID', async () => {
    const names = ['PROD_AWS_ACCESS_KEY_ID', 'PROD_AWS_SECRET_ACCESS_KEY', 'TWILIO_API_KEY', 'TWILIO_API_SECRET']
    const run = await keyward(
      [
        'run',
        '--keys',
        'aws/prod,twilio/sms',
        '--',
        ...printEnv([...names, 'TWILIO_ACCOUNT_SID', 'AWS_ACCESS_KEY_ID']),
      ],
      { env },
    )
    expect(run.code, run.stderr).toBe(0)
    expect(JSON.parse(run.stdout)).toEqual([
      awsProd.id,
      awsProd.secret,
      twilio.keySid,
      twilio.secret,
      twilio.accountSid,
      null,
    ])
  })

  it('refuses two pairs that would set the same id variable, naming both', async () => {
    // DEPLOY_KEY does not end in SECRET_ACCESS_KEY: its id goes to AWS_ACCESS_KEY_ID, which aws/deploy sets too.
    expect((await keyward(['edit', 'aws/prod', '--env-var', 'DEPLOY_KEY'], { env })).code).toBe(0)
    const refused = await keyward(['run', '--keys', 'aws/deploy,aws/prod', '--', 'true'], { env })
    await keyward(['edit', 'aws/prod', '--env-var', 'PROD_AWS_SECRET_ACCESS_KEY'], { env })
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/aws\/deploy and aws\/prod both set AWS_ACCESS_KEY_ID/)
  })
})

function write(name: string, text: string): string {
  const file = path.join(temp.dir, name)
  writeFileSync(file, text)
  return file
}

describe('.env files', () => {
  it('env write puts both halves in the file, and they read back under dotenv', async () => {
    const file = path.join(temp.dir, 'write.env')
    const run = await keyward(['env', 'write', file, '--keys', 'aws/deploy,twilio/sms'], { env })
    expect(run.code, run.stderr).toBe(0)
    expect(parse(readFileSync(file))).toEqual({
      AWS_SECRET_ACCESS_KEY: aws.secret,
      AWS_ACCESS_KEY_ID: aws.id,
      TWILIO_API_SECRET: twilio.secret,
      TWILIO_API_KEY: twilio.keySid,
      TWILIO_ACCOUNT_SID: twilio.accountSid,
    })
  })

  it('env inject adds the id beside a referenced secret, and keeps an id the template sets itself', async () => {
    const out = path.join(temp.dir, 'inject.env')
    const template = write(
      'inject.template',
      'PROD_AWS_SECRET_ACCESS_KEY=keyward://aws/prod\nAWS_SECRET_ACCESS_KEY=keyward://aws/deploy\nAWS_ACCESS_KEY_ID=mine\n',
    )
    const run = await keyward(['env', 'inject', template, '--out', out], { env })
    expect(run.code, run.stderr).toBe(0)
    expect(parse(readFileSync(out))).toEqual({
      PROD_AWS_SECRET_ACCESS_KEY: awsProd.secret,
      AWS_SECRET_ACCESS_KEY: aws.secret,
      AWS_ACCESS_KEY_ID: 'mine',
      PROD_AWS_ACCESS_KEY_ID: awsProd.id,
    })
  })

  it('env shell exports both', async () => {
    const file = write('shell.env', 'DEPLOY_SECRET=keyward://aws/deploy\n')
    const run = await keyward(['env', 'shell', file], { env })
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toContain(`export AWS_ACCESS_KEY_ID=`)
    expect(run.stdout).toContain(aws.id)
  })
})

describe('copy --format env', () => {
  it('copies both lines of a pair', async () => {
    const bin = path.join(temp.dir, 'bin')
    const store = path.join(temp.dir, 'clipboard')
    mkdirSync(bin, { recursive: true })
    writeFileSync(
      path.join(bin, 'xclip'),
      '#!/bin/sh\nfor a in "$@"; do [ "$a" = "-o" ] && exit 0; done\ncat > "$FAKE_CLIPBOARD"\n',
    )
    chmodSync(path.join(bin, 'xclip'), 0o755)
    const run = await keyward(['copy', 'aws/deploy', '--format', 'env', '--clear-after', '0'], {
      env: { ...env, FAKE_CLIPBOARD: store, PATH: `${bin}:${process.env.PATH ?? ''}` },
    })
    expect(run.code, run.stderr).toBe(0)
    expect(parse(readFileSync(store))).toEqual({ AWS_SECRET_ACCESS_KEY: aws.secret, AWS_ACCESS_KEY_ID: aws.id })
  })
})
