// keyward env import: the dry run says exactly what the import then does; placeholders never become keys; an AWS
// access key id travels with its secret as one key.
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { initVault, keyward } from '../helpers/cli'
import { needsRealworld, realworld } from '../helpers/realworld'
import { tempDir } from '../helpers/testVault'

const temp = tempDir('keyward-import-')
const env = { KEYWARD_VAULT_DIR: path.join(temp.dir, 'vault'), KEYWARD_PASSWORD: 'import-tests' }
beforeAll(() => initVault(env.KEYWARD_VAULT_DIR, env.KEYWARD_PASSWORD), 30_000)
afterAll(() => temp.remove())

function file(name: string, text: string): string {
  const target = path.join(temp.dir, name)
  writeFileSync(target, text)
  return target
}

async function importJson(target: string, dryRun: boolean): Promise<Record<string, unknown>> {
  const run = await keyward(['env', 'import', target, '--json', ...(dryRun ? ['--dry-run'] : [])], { env })
  expect(run.code, run.stderr).toBe(0)
  return JSON.parse(run.stdout) as Record<string, unknown>
}

it('a second project reusing a variable name: the dry run reports the conflict the import then skips', async () => {
  await importJson(file('a.env', 'STRIPE_SECRET_KEY=sk_live_4eC39HqLyjWDarjtT1zdp7dc\n'), false)
  const b = file(
    'b.env',
    'STRIPE_SECRET_KEY=sk_live_51Hx9SecondProjectKey0000\nGITHUB_TOKEN=ghp_16C7e42F292c6912E7710c838347Ae178B4a\n',
  )
  const dry = await importJson(b, true)
  expect(dry).toEqual({
    created: ['github/github-token'],
    duplicates: [],
    unrecognised: [],
    placeholders: [],
    temporary: [],
    conflicts: [{ variable: 'STRIPE_SECRET_KEY', existing: 'stripe/stripe-secret-key' }],
  })
  expect(await importJson(b, false)).toEqual(dry)
  expect(
    JSON.parse((await keyward(['list', '--json'], { env })).stdout).map((key: { ref: string }) => key.ref),
  ).toEqual(['github/github-token', 'stripe/stripe-secret-key'])
})

it('placeholders (…EXAMPLE, xxxx…, your-…-here, changeme) are reported, never imported', async () => {
  const report = await importJson(
    file(
      'example.env',
      [
        'AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE',
        'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        'OPENAI_API_KEY=sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'SENDGRID_API_KEY=your-sendgrid-api-key-here',
        'STRIPE_SECRET_KEY=changeme',
        'PORT=3000',
      ].join('\n'),
    ),
    true,
  )
  expect(report.created).toEqual([])
  expect(report.placeholders).toEqual([
    'AWS_ACCESS_KEY_ID',
    'AWS_SECRET_ACCESS_KEY',
    'OPENAI_API_KEY',
    'SENDGRID_API_KEY',
    'STRIPE_SECRET_KEY',
  ])
  expect(report.unrecognised).toEqual(['PORT'])
})

it('an AWS access key id is imported with its secret access key, as one key holding the secret', async () => {
  const report = await importJson(
    file(
      'aws.env',
      'AWS_ACCESS_KEY_ID=AKIA2E0A8F3B244C9986\nAWS_SECRET_ACCESS_KEY=7xQm0dPj1Kc9TzR4bWn8Yv2Lh6Gs3Fa5Ue0Io7Ap\nREGION=eu-west-1\n',
    ),
    false,
  )
  expect(report).toMatchObject({ created: ['aws/aws-secret-access-key'], unrecognised: ['REGION'] })
  const key = JSON.parse((await keyward(['show', 'aws/aws-secret-access-key', '--json'], { env })).stdout) as {
    envVar: string
    metadata: Record<string, string>
  }
  expect(key).toMatchObject({
    envVar: 'AWS_SECRET_ACCESS_KEY',
    metadata: { accessKeyId: 'AKIA2E0A8F3B244C9986', accessKeyIdVariable: 'AWS_ACCESS_KEY_ID' },
  })
  expect((await keyward(['get', 'aws/aws-secret-access-key'], { env })).stdout).toBe(
    '7xQm0dPj1Kc9TzR4bWn8Yv2Lh6Gs3Fa5Ue0Io7Ap\n',
  )
  // An id without its secret is not a key.
  expect(await importJson(file('id-only.env', 'AWS_ACCESS_KEY_ID=AKIA3F1B9E4C355D0097\n'), true)).toMatchObject({
    created: [],
    unrecognised: ['AWS_ACCESS_KEY_ID'],
  })
})

it('a Twilio API key SID is imported with its secret (TWILIO_API_KEY + TWILIO_API_SECRET), as one key holding the secret', async () => {
  const sid = `SK${'0f1e2d3c4b5a6978'.repeat(2)}`
  const report = await importJson(
    file('twilio.env', `TWILIO_API_KEY=${sid}\nTWILIO_API_SECRET=Qw3Er5Ty7Ui9Op1As3Df5Gh7Jk9Lz1Xc\n`),
    false,
  )
  expect(report).toMatchObject({ created: ['twilio/twilio-api-secret'], unrecognised: [] })
  const key = JSON.parse((await keyward(['show', 'twilio/twilio-api-secret', '--json'], { env })).stdout) as {
    metadata: Record<string, string>
  }
  expect(key.metadata).toMatchObject({ keySid: sid, keySidVariable: 'TWILIO_API_KEY' })
  expect((await keyward(['get', 'twilio/twilio-api-secret'], { env })).stdout).toBe(
    'Qw3Er5Ty7Ui9Op1As3Df5Gh7Jk9Lz1Xc\n',
  )
})

it.skipIf(realworld === null)(
  needsRealworld('no real-world example or fixture .env file yields a single key: their keys are placeholders'),
  async () => {
    const { readdirSync } = await import('node:fs')
    const dir = path.join(realworld ?? '', 'dotenv/files')
    const files = readdirSync(dir)
    expect(files.length).toBeGreaterThanOrEqual(30)
    for (const name of files) {
      const report = await importJson(path.join(dir, name), true)
      expect(report.created, name).toEqual([])
    }
  },
  120_000,
)
