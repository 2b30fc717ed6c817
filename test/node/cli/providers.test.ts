// Provider commands of the built CLI that need no network: providers, detect, and detection in add.
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { initVault, keyward } from '../helpers/cli'
import { tempDir } from '../helpers/testVault'

const temp = tempDir('keyward-providers-')
const env = { KEYWARD_VAULT_DIR: path.join(temp.dir, 'vault'), KEYWARD_PASSWORD: 'providers-test' }
beforeAll(() => initVault(env.KEYWARD_VAULT_DIR, env.KEYWARD_PASSWORD))
afterAll(() => temp.remove())

describe('keyward providers / detect', () => {
  it('providers --json lists the five specified providers with their env vars and base URL overrides', async () => {
    const run = await keyward(['providers', '--json'], {
      env: { KEYWARD_SOLENOID_METER_BASE_URL: 'http://127.0.0.1:4010/v1' },
    })
    const providers = JSON.parse(run.stdout) as { id: string; envVar: string; baseUrl: string | null }[]
    expect(providers.slice(0, 5).map((provider) => [provider.id, provider.envVar])).toEqual([
      ['solo', 'SOLO_API_KEY'],
      ['mailosaur', 'MAILOSAUR_API_KEY'],
      ['aisoule', 'AISOULE_API_KEY'],
      ['solenoid-meter', 'SOLENOID_METER_API_KEY'],
      ['elastic-email', 'ELASTICEMAIL_API_KEY'],
    ])
    expect(providers.find((provider) => provider.id === 'solenoid-meter')?.baseUrl).toBe('http://127.0.0.1:4010/v1')
  })

  it('detect prints one provider id or unknown, without a vault', async () => {
    expect(
      (
        await keyward(['detect', '--value-stdin'], {
          input: `sk-ant-api03-${'abcdefghijklmnopqrstuvwxyz0123_-'.repeat(2)}abcdefghijklmnopqrstuvwxyz012AA\n`,
        })
      ).stdout,
    ).toBe('anthropic\n')
    expect((await keyward(['detect', '--value-stdin'], { input: 'not-a-key' })).stdout).toBe('unknown\n')
  })

  it('add detects the provider and its env var when --provider is left out', async () => {
    expect((await keyward(['add', 'meter', '--value-stdin'], { env, input: 'sm_0123456789abcdefghij\n' })).code).toBe(0)
    const key = JSON.parse((await keyward(['show', 'meter', '--json'], { env })).stdout) as {
      ref: string
      envVar: string
    }
    expect(key).toMatchObject({ ref: 'solenoid-meter/meter', envVar: 'SOLENOID_METER_API_KEY' })
    const unknown = await keyward(['add', 'mystery', '--value-stdin'], { env, input: 'no-recognisable-format' })
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toMatch(/--provider/)
  })

  it("add refuses a value that does not fit the named provider's format, unless told to", async () => {
    const typo = await keyward(['add', 'k', '--provider', 'aisoule', '--value-stdin'], {
      env,
      input: 'ak_lvie_0123456789abcdef',
    })
    expect(typo.code).toBe(2)
    expect(typo.stderr).toMatch(/AIsoule's key format \(ak_live_…\)/)
    expect(
      (
        await keyward(['add', 'k', '--provider', 'aisoule', '--no-format-check', '--value-stdin'], {
          env,
          input: 'ak_lvie_0123456789abcdef',
        })
      ).code,
    ).toBe(0)
  })
})
