// keyward due / health through the built CLI, and the locked digest in the header.
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { initVault, keyward } from '../helpers/cli'
import { tempDir } from '../helpers/testVault'

const temp = tempDir('keyward-reminders-')
const env = { KEYWARD_VAULT_DIR: path.join(temp.dir, 'vault'), KEYWARD_PASSWORD: 'reminder-tests' }
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)

beforeAll(async () => {
  await initVault(env.KEYWARD_VAULT_DIR, env.KEYWARD_PASSWORD)
  const add = (name: string, value: string, flags: string[]) =>
    keyward(['add', name, '--provider', 'other', '--value-stdin', ...flags], { env, input: value })
  await add('expired', 'value-expired-0001', ['--expires', day(-3)])
  await add('soon', 'value-soon-000002', ['--expires', day(5), '--env-var', 'SOON_KEY'])
  await add('later', 'value-later-00003', ['--expires', day(60)])
  await add('forever', 'value-soon-000002', [])
})
afterAll(() => temp.remove())

describe('keyward due / health', () => {
  it('due lists expired first, then keys due within the window', async () => {
    const due = JSON.parse((await keyward(['due', '--json'], { env })).stdout) as { ref: string; state: string }[]
    expect(due.map((reminder) => [reminder.ref, reminder.state])).toEqual([
      ['other/expired', 'expired'],
      ['other/soon', 'due'],
    ])
    const wide = JSON.parse((await keyward(['due', '--within', '90', '--json'], { env })).stdout) as { ref: string }[]
    expect(wide.map((reminder) => reminder.ref)).toEqual(['other/expired', 'other/soon', 'other/later'])
  })

  it('health reports expired, no-expiry, duplicate values and a key written to a file git would commit', async () => {
    const project = path.join(temp.dir, 'project')
    mkdirSync(project)
    execFileSync('git', ['init', '-q', project])
    await keyward(['env', 'write', path.join(project, '.env'), '--keys', 'other/soon'], { env })
    const report = JSON.parse((await keyward(['health', '--json'], { env })).stdout) as {
      sections: Record<string, { ref: string }[]>
    }
    expect(report.sections.expired?.map((entry) => entry.ref)).toEqual(['other/expired'])
    expect(report.sections['no expiry']?.map((entry) => entry.ref)).toEqual(['other/forever'])
    expect(report.sections['duplicate values']?.map((entry) => entry.ref).sort()).toEqual([
      'other/forever',
      'other/soon',
    ])
    expect(report.sections['exposed .env files']?.map((entry) => entry.ref)).toEqual(['other/soon'])
  })

  it('the vault-wide remind-before setting widens what is due', async () => {
    expect((await keyward(['settings', '--remind-before', '70', '--json'], { env })).stdout).toContain(
      '"remindBeforeDays": 70',
    )
    expect(JSON.parse((await keyward(['settings', '--auto-lock', '0', '--json'], { env })).stdout)).toEqual({
      remindBeforeDays: 70,
      autoLockMinutes: 0,
    })
    expect((await keyward(['settings', '--auto-lock', '2000'], { env })).code).toBe(2)
    const due = JSON.parse((await keyward(['due', '--within', '70', '--json'], { env })).stdout) as {
      ref: string
      state: string
    }[]
    expect(due.find((reminder) => reminder.ref === 'other/later')?.state).toBe('due')
    await keyward(['settings', '--remind-before', '14'], { env })
  })

  it('the header carries the reminder dates and nothing that names a key', () => {
    const header = readFileSync(path.join(env.KEYWARD_VAULT_DIR, 'vault.json'), 'utf8')
    const digest = (JSON.parse(header) as { dueDigest: string[] }).dueDigest
    expect(digest).toEqual([day(-17), day(-9), day(46)])
    expect(header).not.toMatch(/other|expired|soon|later|forever/)
  })
})
