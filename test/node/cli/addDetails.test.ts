// What `add` asks for beside the value: a pair's id (AWS access key id) and Elastic Email's key name, on a real
// pseudo-terminal; from --metadata in scripts; refused with a clear message otherwise.
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startElasticEmailSimulator } from '../../simulators/elasticEmail'
import type { RunningSimulator } from '../../simulators/simulatorServer'
import { startStsSimulator } from '../../simulators/wellKnown/aws'
import { initVault, keyward } from '../helpers/cli'
import { keywardOnTerminal } from '../helpers/onTerminal'
import { tempDir } from '../helpers/testVault'

const temp = tempDir('keyward-add-details-')
const env: Record<string, string> = { KEYWARD_VAULT_DIR: path.join(temp.dir, 'vault'), KEYWARD_PASSWORD: 'add-details' }
const simulators: RunningSimulator[] = []
const aws = {
  accessKeyId: 'AKIA7Q4N2B5X9C3D8E6F',
  secretAccessKey: 'q9Zx4Lm2Vb7Nc1Rt5Yh8Kj3Pw6Sd0Fg2Ha4Jk/+U',
  account: '210987654321',
  arn: 'arn:aws:iam::210987654321:user/deploy',
}
const awsNext = {
  ...aws,
  accessKeyId: 'AKIA3M8V1C6X2Z9B4N7Q',
  secretAccessKey: 'Tg7Hy2Uj5Ik8Ol1Pz4Xc6Vb9Nm3As0Df5Gh8Jk+/',
}
const awsUsers = [aws]
const elasticToken = `E${'0A1B2C3D4E5F6A7B'.repeat(6).slice(1)}`

beforeAll(async () => {
  const sts = await startStsSimulator(awsUsers)
  const elastic = await startElasticEmailSimulator([
    { name: 'website', token: 'F'.repeat(96), accessLevel: ['Security', 'SendHttp'], expires: null, ipRanges: [] },
    {
      name: 'ci-deploy',
      token: elasticToken,
      accessLevel: ['Security', 'ViewAccessTokens', 'ModifyAccessTokens'],
      expires: null,
      ipRanges: [],
    },
  ])
  simulators.push(sts, elastic)
  Object.assign(env, { KEYWARD_AWS_BASE_URL: sts.origin, KEYWARD_ELASTIC_EMAIL_BASE_URL: elastic.baseUrl })
  await initVault(env.KEYWARD_VAULT_DIR ?? '', env.KEYWARD_PASSWORD ?? '')
})
afterAll(async () => {
  await Promise.all(simulators.map((simulator) => simulator.close()))
  temp.remove()
})

describe('add: an AWS key is a pair', () => {
  it('on a terminal it asks for the access key id, stores the secret as the value, and verify signs with both', async () => {
    const run = await keywardOnTerminal(['add', 'deploy', '--provider', 'aws'], env, [
      [/Value for aws\/deploy/, aws.secretAccessKey],
      [/AWS access key id: /, aws.accessKeyId],
    ])
    expect(run.code, run.screen).toBe(0)
    expect(run.screen).not.toContain(aws.secretAccessKey)
    const shown = JSON.parse((await keyward(['show', 'aws/deploy', '--json'], { env })).stdout) as {
      metadata: Record<string, unknown>
      envVar: string
    }
    expect(shown).toMatchObject({ metadata: { accessKeyId: aws.accessKeyId }, envVar: 'AWS_SECRET_ACCESS_KEY' })
    const verified = await keyward(['verify', 'aws/deploy'], { env })
    expect(verified.code, verified.stderr).toBe(0)
    expect(verified.stdout + verified.stderr).toContain(aws.arn)
  })

  it('in a script the id comes from --metadata; without it, or with the id pasted as the value, a clear refusal', async () => {
    const scripted = await keyward(
      [
        'add',
        'ci',
        '--provider',
        'aws',
        '--value-stdin',
        '--metadata',
        JSON.stringify({ accessKeyId: aws.accessKeyId }),
      ],
      { env, input: aws.secretAccessKey },
    )
    expect(scripted.code, scripted.stderr).toBe(0)
    const missing = await keyward(['add', 'ci2', '--provider', 'aws', '--value-stdin'], {
      env,
      input: aws.secretAccessKey,
    })
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain(`--metadata '{"accessKeyId":"…"}'`)
    const idAsValue = await keyward(['add', 'ci3', '--value-stdin'], { env, input: aws.accessKeyId })
    expect(idAsValue.code).toBe(2)
    expect(idAsValue.stderr).toMatch(/access key id, which is not secret: store the secret/)
    expect((await keyward(['show', 'aws/ci3'], { env })).code).toBe(4)
  })
})

describe('rotate: a guided AWS rotation takes the new pair', () => {
  it('asks the new access key id and secret, verifies both with STS before storing, and records the new id', async () => {
    awsUsers.push(awsNext)
    const answers: [RegExp, string][] = [
      [/new key's access key id: /, awsNext.accessKeyId],
      [/paste the new key's secret/, awsNext.secretAccessKey],
      [/Done\?/, 'y'],
    ]
    const run = await keywardOnTerminal(['rotate', 'aws/deploy'], env, answers)
    expect(run.code, run.screen).toBe(0)
    expect(run.screen).toContain('https://console.aws.amazon.com/iam/home#/security_credentials')
    expect(run.screen).toMatch(/Verified the new key: AWS accepted the key pair/)
    expect((await keyward(['get', 'aws/deploy'], { env })).stdout).toBe(`${awsNext.secretAccessKey}\n`)
    const shown = JSON.parse((await keyward(['show', 'aws/deploy', '--json'], { env })).stdout) as {
      metadata: Record<string, unknown>
    }
    expect(shown.metadata).toMatchObject({ accessKeyId: awsNext.accessKeyId })
  })
})

describe('add: an Elastic Email key is known by its name there', () => {
  it("on a terminal the account's key names are offered; the one picked is recorded as remoteName", async () => {
    const run = await keywardOnTerminal(['add', 'mail', '--provider', 'elastic-email'], env, [
      [/Value for elastic-email\/mail/, elasticToken],
      [/Which one is this key\?/, '2'],
    ])
    expect(run.code, run.screen).toBe(0)
    expect(run.screen).toMatch(/1\. website\s+2\. ci-deploy/)
    const shown = JSON.parse((await keyward(['show', 'elastic-email/mail', '--json'], { env })).stdout) as {
      metadata: Record<string, unknown>
    }
    expect(shown.metadata).toMatchObject({ remoteName: 'ci-deploy' })
  })

  it('Enter skips the question and stores the key without a name', async () => {
    const run = await keywardOnTerminal(['add', 'mail2', '--provider', 'elastic-email', '--no-format-check'], env, [
      [/Value for elastic-email\/mail2/, 'F'.repeat(96)],
      [/Which one is this key\?/, ''],
    ])
    expect(run.code, run.screen).toBe(0)
    const shown = JSON.parse((await keyward(['show', 'elastic-email/mail2', '--json'], { env })).stdout) as {
      metadata: Record<string, unknown>
    }
    expect(shown.metadata.remoteName).toBeUndefined()
  })
})
