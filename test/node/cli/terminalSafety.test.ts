// What a provider answers and what a user typed reach the terminal only once they cannot drive it; names that
// would look alike through hidden characters are refused.
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startSimulator, type RunningSimulator } from '../../simulators/simulatorServer'
import { initVault, keyward } from '../helpers/cli'
import { tempDir } from '../helpers/testVault'

const temp = tempDir('keyward-tty-')
const env = { KEYWARD_VAULT_DIR: path.join(temp.dir, 'vault'), KEYWARD_PASSWORD: 'tty-tests' }
const HOSTILE =
  '\u001b]8;;https://evil.example\u0007click\u001b]8;;\u0007 \u001b[2J\u001b[31mred\u202e\u200bgnp.exe\u0007'
let solo: RunningSimulator

beforeAll(async () => {
  // Solo's documented Identity answer, with a hostile address in it.
  solo = await startSimulator(() => ({
    status: 200,
    body: { id: 'idn_1', handle: 'ci', address: HOSTILE, scope: ['send'] },
  }))
  await initVault(env.KEYWARD_VAULT_DIR, env.KEYWARD_PASSWORD)
  await keyward(
    ['add', 'prod', '--provider', 'solo', '--no-format-check', '--note', `note ${HOSTILE}`, '--value-stdin'],
    { env, input: 'solo-key-tty-0000000' },
  )
}, 30_000)
afterAll(async () => {
  await solo.close()
  temp.remove()
})

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/

it("verify, show and list print a provider's or a user's text without escape sequences or invisible characters", async () => {
  const verify = await keyward(['verify', 'prod'], { env: { ...env, KEYWARD_SOLO_BASE_URL: `${solo.origin}/api/v1` } })
  expect(verify.code, verify.stderr).toBe(0)
  expect(verify.stdout).toContain('click')
  expect(verify.stdout).not.toMatch(CONTROL)
  const show = await keyward(['show', 'prod'], { env })
  expect(show.stdout).toContain('note')
  expect(show.stdout).not.toMatch(CONTROL)
  expect(`${show.stderr}${(await keyward(['list'], { env })).stdout}`).not.toMatch(CONTROL)
  // --json is data: exact, escaped by JSON itself.
  expect(JSON.parse((await keyward(['show', 'prod', '--json'], { env })).stdout)).toMatchObject({
    notes: `note ${HOSTILE}`,
  })
})

it.each(['pro\u200bd', 'prod\u202e', 'pr\u0007od', 'pro\u2066d'])(
  'refuses the name %j: it would look like another',
  async (name) => {
    const run = await keyward(['add', name, '--provider', 'solo', '--no-format-check', '--value-stdin'], {
      env,
      input: 'solo-key-tty-0000001',
    })
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/no control, bidi or zero-width characters/)
    expect(run.stderr).not.toMatch(CONTROL)
  },
)
