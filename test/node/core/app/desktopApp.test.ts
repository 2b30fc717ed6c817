// The desktop app's channels through the real composition and the one handle(): sender check, validation, the
// vault service, real SQLCipher files. Values cross only where the contract says so.
import { execFileSync } from 'node:child_process'
import { chmodSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'dotenv'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { channelNames, type ChannelName, type EventName } from '../../../../src-preload/contract'
import { composeDesktopApp, type DesktopApp } from '../../../../src-main/core/app/desktopApp'
import { describeApp } from '../../../../src-main/core/app/appInfo'
import { runHandler, type Handler } from '../../../../src-main/core/ipc/handle'
import { trustOrigins } from '../../../../src-main/core/ipc/senderPolicy'
import { systemClock } from '../../../../src-main/core/ports/Clock'
import { startSolenoidMeterSimulator } from '../../../simulators/solenoidMeter'
import type { RunningSimulator } from '../../../simulators/simulatorServer'
import { tempDir } from '../../helpers/testVault'

const temp = tempDir('keyward-desktop-')
const policy = trustOrigins(['app://keyward'])
const fromApp = { senderFrame: { url: 'app://keyward/index.html' } }
const events: { event: EventName; payload: unknown }[] = []
const clipboard = {
  text: '',
  write: async (content: { text: string }) => void (clipboard.text = content.text),
  readText: async () => clipboard.text,
  clear: () => void (clipboard.text = ''),
}
let app: DesktopApp
let screenshotsAllowed = false
/** What the OS file picker answers next (a fake at the FileDialog port). */
let dialogAnswer: string | null = null
const notified: string[] = []
const SECRET = 'sk_live_DesktopCanary00000000001'
const METER_KEY = 'sm_desktop_live_000000001'
let meter: RunningSimulator & { baseUrl: string }

beforeAll(async () => {
  meter = await startSolenoidMeterSimulator(new Set([METER_KEY]))
  app = composeDesktopApp({
    vaultDir: path.join(temp.dir, 'vault'),
    clock: systemClock,
    timers: globalThis,
    power: {
      onResume: () => undefined,
      onSuspend: () => undefined,
      onLockScreen: () => undefined,
      systemIdleSeconds: () => 0,
    },
    clipboard,
    screenshots: { allowed: () => screenshotsAllowed, setAllowed: (allow) => void (screenshotsAllowed = allow) },
    deviceKeys: {
      isAvailable: () => true,
      encrypt: (b) => Buffer.from(b.map((x) => x ^ 1)),
      decrypt: (b) => Buffer.from(b.map((x) => x ^ 1)),
    },
    notifier: { notify: (notice) => void notified.push(notice.title) },
    focusWindow: () => undefined,
    providerHttp: { fetch, env: { KEYWARD_SOLENOID_METER_BASE_URL: meter.baseUrl } },
    fileDialog: { chooseEnvFile: async () => dialogAnswer },
    platform: 'linux',
    events: { emit: (event, payload) => void events.push({ event, payload }) },
    appInfo: () =>
      describeApp({
        name: 'Keyward',
        version: '0',
        arch: 'x64',
        versions: {},
        machine: { platform: 'linux', env: {}, homedir: '/h' },
        storage: { ok: false, message: 'n/a' },
      }),
  })
})
afterAll(async () => {
  await app.dispose()
  await meter.close()
  temp.remove()
})

function call<C extends ChannelName>(channel: C, payload: unknown) {
  return runHandler(channel, app.handlers[channel] as Handler<C>, policy, fromApp, payload)
}

async function value<C extends ChannelName>(channel: C, payload: unknown) {
  const result = await call(channel, payload)
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`)
  return result.value
}

describe('the vault in the window, through the contract', () => {
  it('creates, adds by paste, lists, searches, reveals, copies, deletes, locks and unlocks', async () => {
    expect(await value('vault:status', {})).toMatchObject({ state: 'no-vault' })
    const { recoveryCode } = await value('vault:create', { password: 'window password' })
    expect(recoveryCode).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){5}$/)
    expect(events.map((e) => e.event)).toContain('vault:state')
    expect(await value('key:detect', { value: SECRET })).toMatchObject({
      provider: 'stripe',
      providerName: 'Stripe',
      envVar: 'STRIPE_SECRET_KEY',
    })
    const added = await value('key:add', {
      provider: null,
      name: 'prod',
      envVar: null,
      environment: 'production',
      expiresAt: null,
      rotateEveryDays: 90,
      remindBeforeDays: null,
      tags: ['billing'],
      notes: '',
      value: SECRET,
      formatCheck: true,
    })
    expect(added.key).toMatchObject({ rotateEveryDays: 90, tags: ['billing'] })
    expect(added.key).toMatchObject({ ref: 'stripe/prod', envVar: 'STRIPE_SECRET_KEY', hint: '0001' })
    const page = await value('keys:window', { offset: 0, limit: 100 })
    const found = await value('keys:search', { query: 'prod', limit: 50 })
    expect(page).toMatchObject({ total: 1 })
    expect(page.keys.map((key) => key.ref)).toEqual(['stripe/prod'])
    expect(found.keys.map((key) => key.ref)).toEqual(['stripe/prod'])
    // Metadata only: the value is in no response but the reveal's.
    expect(JSON.stringify([added, page, found])).not.toContain(SECRET)
    const id = added.key.id
    expect(await value('key:reveal', { id })).toEqual({ value: SECRET })
    expect(await value('key:copy', { id })).toEqual({ clearsInMs: 20_000 })
    expect(clipboard.text).toBe(SECRET)
    await value('vault:lock', {})
    expect(clipboard.text).toBe('')
    expect(events.map((e) => e.event)).toContain('clipboard:cleared')
    expect(await call('keys:window', { offset: 0, limit: 10 })).toMatchObject({
      ok: false,
      error: { code: 'VAULT_LOCKED' },
    })
    expect(await call('vault:unlock', { method: 'password', password: 'wrong' })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSWORD' },
    })
    expect(await value('vault:unlock', { method: 'password', password: 'window password' })).toEqual({
      newRecoveryCode: null,
      notice: null,
    })
    const { goneAt } = await value('key:trash', { id })
    expect(Date.parse(goneAt) - Date.now()).toBeGreaterThan(29 * 86_400_000)
    expect(await value('keys:window', { offset: 0, limit: 10 })).toEqual({ total: 0, keys: [] })
    expect((await value('keys:counts', {})).trash).toBe(1)
    expect((await value('trash:list', {})).keys).toMatchObject([{ id, ref: 'stripe/prod' }])
    // Delete forever needs the name typed, checked in main: a wrong one deletes nothing.
    expect(await call('trash:delete', { id, confirmName: 'prd' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
    await value('trash:restore', { id })
    expect((await value('keys:window', { offset: 0, limit: 10 })).total).toBe(1)
    await value('key:trash', { id })
    await value('trash:delete', { id, confirmName: 'prod' })
    expect(await value('trash:list', {})).toEqual({ keys: [] })
    expect(await value('trash:empty', {})).toEqual({ deleted: 0 })
  }, 60_000)

  it('detail, edit, a new value and settings, through the contract', async () => {
    const { key } = await value('key:add', {
      provider: 'github',
      name: 'ci',
      envVar: null,
      environment: 'development',
      expiresAt: null,
      rotateEveryDays: null,
      remindBeforeDays: null,
      tags: [],
      notes: '',
      value: 'ghp_16C7e42F292c6912E7710c838347Ae178B4a',
      formatCheck: true,
    })
    const edited = await value('key:edit', {
      id: key.id,
      name: 'ci-bot',
      envVar: 'GH_TOKEN',
      environment: 'staging',
      expiresAt: '2030-01-01',
      rotateEveryDays: 90,
      notes: 'bot',
      tags: ['ci'],
    })
    expect(edited.key).toMatchObject({
      ref: 'github/ci-bot',
      envVar: 'GH_TOKEN',
      environment: 'staging',
      rotateEveryDays: 90,
      tags: ['ci'],
    })
    await value('key:setValue', { id: key.id, value: 'ghp_26C7e42F292c6912E7710c838347Ae178B4b' })
    const detail = await value('key:detail', { id: key.id })
    expect(detail.versions.map((version) => [version.current, version.hint])).toEqual([
      [true, '8B4b'],
      [false, '8B4a'],
    ])
    expect(detail.key.state).toMatchObject({ kind: 'unverified', attention: false })
    expect(detail.activity.map((event) => event.action)).toEqual(['value-changed', 'edited', 'created'])
    expect(JSON.stringify(detail)).not.toContain('ghp_')
    const settings = await value('settings:get', {})
    expect(settings).toEqual({
      autoLockMinutes: 5,
      lockOnSuspend: true,
      lockOnScreenLock: true,
      clipboardClearSeconds: 20,
      remindBeforeDays: 14,
      allowScreenshots: false,
    })
    expect(
      await value('settings:set', { clipboardClearSeconds: 45, allowScreenshots: true, autoLockMinutes: 0 }),
    ).toMatchObject({ clipboardClearSeconds: 45, allowScreenshots: true, autoLockMinutes: 0 })
    expect(screenshotsAllowed).toBe(true)
    expect(await value('key:copy', { id: key.id })).toEqual({ clearsInMs: 45_000 })
    expect(await call('settings:set', { clipboardClearSeconds: 10_000 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
  })

  it('the list is read by window: rows by offset, counts and positions from main agree with the search', async () => {
    const add = (name: string, extra: Record<string, unknown>) =>
      value('key:add', {
        provider: 'custom',
        name,
        envVar: null,
        environment: 'development',
        expiresAt: null,
        rotateEveryDays: null,
        remindBeforeDays: null,
        tags: [],
        notes: '',
        value: `value-of-${name}-000000`,
        formatCheck: false,
        ...extra,
      })
    await add('zeta', { expiresAt: '2000-01-01', tags: ['old', 'billing'] })
    await add('alpha', { rotateEveryDays: 1, environment: 'production' })
    await add('alpha_b', { expiresAt: '2999-01-01', remindBeforeDays: 5, tags: ['billing'] })
    const all = await value('keys:window', { offset: 0, limit: 500 })
    const order = all.keys.map((key) => key.ref)
    expect(order).toEqual([...order].sort((a, b) => (a < b ? -1 : 1)))
    const middle = await value('keys:window', { offset: 1, limit: 2 })
    expect(middle).toEqual({ total: all.total, keys: all.keys.slice(1, 3) })
    const counts = await value('keys:counts', {})
    const attention = await value('keys:search', { query: 'is:attention', limit: 500 })
    // Main counts in SQL what reminderFor decides per key: the two must agree (one expired key here).
    expect(counts.attention).toBe(attention.keys.length)
    expect(counts.attention).toBe(all.keys.filter((key) => key.state.attention).length)
    expect(counts.total).toBe(all.total)
    expect(counts.tags).toEqual([
      { value: 'billing', count: 2 },
      { value: 'ci', count: 1 },
      { value: 'old', count: 1 },
    ])
    expect(counts.providers.reduce((sum, view) => sum + view.count, 0)).toBe(all.total)
    const alphaB = all.keys.find((key) => key.name === 'alpha_b')
    expect(await value('keys:locate', { id: alphaB?.id })).toEqual({
      index: order.indexOf('custom/alpha_b'),
      id: alphaB?.id,
    })
    // Type-ahead: LIKE's wildcards are the user's characters, not patterns ("alpha_" is not "alpha" + any).
    expect(await value('keys:locate', { namePrefix: 'ALPHA_' })).toEqual({
      index: order.indexOf('custom/alpha_b'),
      id: alphaB?.id,
    })
    expect(await value('keys:locate', { namePrefix: 'nothing' })).toEqual({ index: null, id: null })
  })

  it('verify, sync and revoke answer what the provider said; the detail shows the capabilities and metadata', async () => {
    const add = (name: string, secret: string) =>
      value('key:add', {
        provider: 'solenoid-meter',
        name,
        envVar: null,
        environment: 'development',
        expiresAt: null,
        rotateEveryDays: null,
        remindBeforeDays: null,
        tags: [],
        notes: '',
        value: secret,
        formatCheck: true,
      })
    const live = (await add('meter', METER_KEY)).key
    const dead = (await add('old-meter', 'sm_desktop_dead_000000002')).key
    expect(await value('key:verify', { id: live.id })).toMatchObject({
      outcome: 'ok',
      code: null,
      message: expect.stringMatching(/live/),
      key: { lastVerifyResult: 'ok' },
    })
    expect(await value('key:verify', { id: dead.id })).toMatchObject({
      outcome: 'invalid',
      code: 'KEY_REJECTED',
      key: { lastVerifyResult: 'invalid' },
    })
    // Solenoid Meter offers no sync and no revocation by API: an answer about the key, not a failed call.
    expect(await value('key:sync', { id: live.id })).toMatchObject({ outcome: 'error', code: 'INVALID_INPUT' })
    const detail = await value('key:detail', { id: live.id })
    expect(detail.provider).toEqual({
      name: 'Solenoid Meter',
      dashboardUrl: 'https://solenoid.systems/',
      verify: 'api',
      rotate: 'api',
      revoke: 'none',
      sync: 'none',
    })
    expect(detail.metadata).toEqual(
      expect.arrayContaining([
        { name: 'account.userId', value: 'usr_7f3a' },
        { name: 'account.balance', value: '1250' },
      ]),
    )
    expect(await call('key:revoke', { id: live.id, confirmName: 'metre' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
    expect(await value('key:revoke', { id: live.id, confirmName: 'meter' })).toMatchObject({
      outcome: 'error',
      code: 'INVALID_INPUT',
      key: { status: 'active' },
    })
    expect(JSON.stringify(await value('key:detail', { id: live.id }))).not.toContain(METER_KEY)
  })

  it('unlock with this device: off until enabled, then a lock and a device unlock', async () => {
    expect(await value('vault:status', {})).toMatchObject({ device: 'off', deviceAvailable: true })
    expect(await value('vault:device', { enable: true })).toEqual({ device: 'ready' })
    await value('vault:lock', {})
    expect(await value('vault:status', {})).toMatchObject({ state: 'locked', device: 'ready' })
    expect(await value('vault:unlock', { method: 'device' })).toEqual({ newRecoveryCode: null, notice: null })
    expect(await value('vault:status', {})).toMatchObject({ state: 'unlocked' })
    expect(await value('vault:device', { enable: false })).toEqual({ device: 'off' })
  })

  it('.env write: only a file main handed over, a masked diff, exposure and its fixes, refused after a change', async () => {
    const project = path.join(temp.dir, 'project')
    execFileSync('git', ['init', '-q', project])
    const file = path.join(project, '.env')
    writeFileSync(file, '# app\nPORT=3000\nSTRIPE_SECRET_KEY=old-value-000000000000\n', { mode: 0o644 })
    const { key } = await value('key:add', {
      provider: 'stripe',
      name: 'env-write',
      envVar: null,
      environment: 'envtest',
      expiresAt: null,
      rotateEveryDays: null,
      remindBeforeDays: null,
      tags: [],
      notes: '',
      value: SECRET,
      formatCheck: true,
    })
    const selection = { ids: [key.id] }
    // A path the window names without main having handed it over is refused: nothing read, nothing written.
    expect(await call('dotenv:preview', { file, selection })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
    dialogAnswer = file
    expect(await value('dotenv:choose', { purpose: 'write' })).toEqual({ file })
    const preview = await value('dotenv:preview', { file, selection })
    expect(preview.lines).toEqual([
      {
        keyId: key.id,
        keyRef: 'stripe/env-write',
        variable: 'STRIPE_SECRET_KEY',
        secret: true,
        change: 'changed',
        before: 'old-…0000',
        after: 'sk_live_…0001',
        assignments: 1,
      },
    ])
    expect(preview.exposure.map((exposure) => exposure.kind)).toEqual(['not-ignored', 'readable'])
    expect(JSON.stringify(preview)).not.toContain(SECRET)
    // Changed since the preview: refused, the file as the user left it.
    writeFileSync(file, '# app\nPORT=3001\nSTRIPE_SECRET_KEY=old-value-000000000000\n')
    expect(await call('dotenv:write', { file, selection, digest: preview.digest })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })
    expect(parse(readFileSync(file, 'utf8')).STRIPE_SECRET_KEY).toBe('old-value-000000000000')
    const again = await value('dotenv:preview', { file, selection })
    expect(await value('dotenv:write', { file, selection, digest: again.digest })).toEqual({
      file,
      updated: ['STRIPE_SECRET_KEY'],
      added: [],
      unchanged: [],
    })
    expect(readFileSync(file, 'utf8')).toBe(`# app\nPORT=3001\nSTRIPE_SECRET_KEY=${SECRET}\n`)
    expect((await value('key:detail', { id: key.id })).usages).toMatchObject([
      { file, variable: 'STRIPE_SECRET_KEY', state: 'current' },
    ])
    expect(await value('dotenv:recent', {})).toEqual({ files: [file] })
    expect(await value('dotenv:fix', { file, fix: 'chmod' })).toEqual({
      exposure: [expect.objectContaining({ kind: 'not-ignored' })],
    })
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(await value('dotenv:fix', { file, fix: 'gitignore' })).toEqual({ exposure: [] })
    expect(readFileSync(path.join(project, '.gitignore'), 'utf8')).toBe('/.env\n')
    writeFileSync(file, 'STRIPE_SECRET_KEY=edited-by-hand\n')
    expect((await value('key:detail', { id: key.id })).usages).toMatchObject([{ state: 'changed' }])
  })

  it('a pasted value is trimmed of spaces and line breaks, in Add and in a new value, as in the CLI', async () => {
    const fields = {
      provider: 'npm',
      envVar: null,
      environment: 'trimtest',
      expiresAt: null,
      rotateEveryDays: null,
      remindBeforeDays: null,
      tags: [],
      notes: '',
      formatCheck: true,
    }
    const token = 'npm_0123456789abcdefghijABCDEFGHIJ012345'
    const { key } = await value('key:add', { ...fields, name: 'trim-a', value: `  ${token}\n\n` })
    expect(await value('key:reveal', { id: key.id })).toEqual({ value: token })
    const again = await value('key:add', { ...fields, name: 'trim-b', value: `${token} ` })
    expect(again.duplicates).toEqual(['npm/trim-a'])
    await value('key:setValue', { id: again.key.id, value: `\t${token.replace('0123', '9876')}\r\n` })
    expect(await value('key:reveal', { id: again.key.id })).toEqual({ value: token.replace('0123', '9876') })
  })

  it('.env write of an AWS pair: the diff shows the access key id whole beside the masked secret', async () => {
    const file = path.join(temp.dir, 'pair.env')
    const secret = 'q9Zx4Lm2Vb7Nc1Rt5Yh8Kj3Pw6Sd0Fg2Ha4Jk/+U'
    const { key } = await value('key:add', {
      provider: 'aws',
      name: 'pair-write',
      envVar: null,
      environment: 'pairtest',
      expiresAt: null,
      rotateEveryDays: null,
      remindBeforeDays: null,
      tags: [],
      notes: '',
      value: secret,
      formatCheck: true,
      pairId: 'AKIA7Q4N2B5X9C3D8E6F',
    })
    dialogAnswer = file
    await value('dotenv:choose', { purpose: 'write' })
    const selection = { ids: [key.id] }
    const preview = await value('dotenv:preview', { file, selection })
    expect(preview.lines.map(({ variable, secret: isSecret, after }) => [variable, isSecret, after])).toEqual([
      ['AWS_SECRET_ACCESS_KEY', true, '…k/+U'],
      ['AWS_ACCESS_KEY_ID', false, 'AKIA7Q4N2B5X9C3D8E6F'],
    ])
    await value('dotenv:write', { file, selection, digest: preview.digest })
    expect(parse(readFileSync(file, 'utf8'))).toEqual({
      AWS_SECRET_ACCESS_KEY: secret,
      AWS_ACCESS_KEY_ID: 'AKIA7Q4N2B5X9C3D8E6F',
    })
  })

  it('.env import: a preview per variable, only the ticked rows created, the file tracked', async () => {
    const file = path.join(temp.dir, 'import.env')
    writeFileSync(
      file,
      `A_STRIPE=${SECRET}\nGITHUB_TOKEN=ghp_36C7e42F292c6912E7710c838347Ae178B4c\nOPENAI_API_KEY=sk-proj-${'a1B2c3D4'.repeat(5)}T3BlbkFJ${'e5F6g7H8'.repeat(5)}\nPORT=8080\nAWS_SECRET=your-key-here\n`,
    )
    dialogAnswer = file
    await value('dotenv:choose', { purpose: 'import' })
    // Picked to import from, not to write to: a write there is refused until keys are found in it.
    expect(await call('dotenv:preview', { file, selection: { environment: 'envtest' } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
    const preview = await value('dotenv:importPreview', { file, environment: 'imported' })
    expect(preview.rows.map((row) => [row.variable, row.action, row.ref])).toEqual([
      ['A_STRIPE', 'duplicate', 'stripe/env-write'],
      ['GITHUB_TOKEN', 'create', 'github/github-token'],
      ['OPENAI_API_KEY', 'create', 'openai/openai-api-key'],
      ['PORT', 'unrecognised', null],
      ['AWS_SECRET', 'placeholder', null],
    ])
    expect(JSON.stringify(preview)).not.toContain('ghp_36C7')
    // Only ticked rows the preview would create: a duplicate ticked anyway is not created twice.
    expect(
      await value('dotenv:import', { file, environment: 'imported', variables: ['GITHUB_TOKEN', 'A_STRIPE'] }),
    ).toEqual({ created: ['github/github-token'] })
    const created = (await value('keys:search', { query: 'github-token', limit: 5 })).keys[0]
    expect(created).toMatchObject({ environment: 'imported', envVar: 'GITHUB_TOKEN' })
    expect((await value('key:detail', { id: created?.id ?? '' })).usages).toMatchObject([
      { file, variable: 'GITHUB_TOKEN', state: 'current' },
    ])
    // Importing from a file is no grant to write there: once the dialog's grants end (a lock), the window must pick
    // it again, and it is not offered as a recent place to write.
    await value('vault:lock', {})
    await value('vault:unlock', { method: 'password', password: 'window password' })
    expect(await call('dotenv:preview', { file, selection: { ids: [created?.id ?? ''] } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
    expect(await call('dotenv:fix', { file, fix: 'chmod' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
    expect((await value('dotenv:recent', {})).files).not.toContain(file)
  })

  it(".env fixes never follow a link out of the granted file's folder", async () => {
    const project = path.join(temp.dir, 'linked')
    const elsewhere = path.join(temp.dir, 'elsewhere')
    mkdirSync(project)
    mkdirSync(elsewhere)
    const outside = path.join(elsewhere, 'config')
    writeFileSync(outside, 'not a .env file\n', { mode: 0o644 })
    chmodSync(outside, 0o644)
    const file = path.join(project, '.env')
    symlinkSync(outside, file)
    symlinkSync(outside, path.join(project, '.gitignore'))
    dialogAnswer = file
    await value('dotenv:choose', { purpose: 'write' })
    expect(await call('dotenv:fix', { file, fix: 'chmod' })).toMatchObject({
      ok: false,
      error: { code: 'DOTENV_UNSAFE' },
    })
    expect(await call('dotenv:fix', { file, fix: 'gitignore' })).toMatchObject({
      ok: false,
      error: { code: 'DOTENV_UNSAFE' },
    })
    expect(statSync(outside).mode & 0o777).toBe(0o644)
    expect(readFileSync(outside, 'utf8')).toBe('not a .env file\n')
  })

  it('needs attention, snooze, schedule and health through the contract', async () => {
    const { key } = await value('key:add', {
      provider: 'custom',
      name: 'soon',
      envVar: null,
      environment: 'development',
      expiresAt: new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10),
      rotateEveryDays: null,
      remindBeforeDays: null,
      tags: [],
      notes: '',
      value: 'soon-value-000000000',
      formatCheck: false,
    })
    const found = await value('reminders:attention', {})
    expect(found.items.find((item) => item.key.id === key.id)).toMatchObject({
      state: 'due',
      days: 3,
      snoozedUntil: null,
    })
    expect(found.items[0]?.state).toBe('expired')
    expect(found.timeline.dates).toContainEqual({ id: key.id, ref: 'custom/soon', date: key.expiresAt, kind: 'expiry' })
    expect(found.timeline.weeks[0]?.expiry).toBeGreaterThanOrEqual(1)
    expect(found.itemsTotal).toBe(found.items.length)
    expect(found.noExpiry.count).toBe(found.noExpiry.keys.length)
    const { snoozedUntil } = await value('key:snooze', { id: key.id, snooze: '1w' })
    expect(Date.parse(snoozedUntil) - Date.now()).toBeGreaterThan(6 * 86_400_000)
    expect((await value('reminders:attention', {})).items.find((item) => item.key.id === key.id)?.snoozedUntil).toBe(
      snoozedUntil,
    )
    const health = await value('health:report', {})
    expect(health.sections.map((section) => section.id)).toEqual([
      'rejected',
      'expired',
      'overdue',
      'exposed',
      'duplicates',
      'no-expiry',
      'unused',
    ])
    const noExpiry = health.sections.find((section) => section.id === 'no-expiry')
    const forever = noExpiry?.entries[0]
    expect(forever).toMatchObject({ keyId: expect.any(String), file: null })
    await value('key:schedule', { id: forever?.keyId ?? '', expiresAt: null, rotateEveryDays: 90 })
    const after = (await value('health:report', {})).sections.find((section) => section.id === 'no-expiry')
    expect(after?.total).toBe((noExpiry?.total ?? 0) - 1)
    expect(await call('key:schedule', { id: key.id, expiresAt: '31/12/2030', rotateEveryDays: null })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
  })

  it('the tray: due keys by name while unlocked, the count alone while locked; verify all due', async () => {
    const soon = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10)
    await value('key:add', {
      provider: 'solenoid-meter',
      name: 'due-meter',
      envVar: null,
      environment: 'development',
      expiresAt: soon,
      rotateEveryDays: null,
      remindBeforeDays: null,
      tags: [],
      notes: '',
      value: `${METER_KEY}`,
      formatCheck: true,
    })
    const menu = await app.trayMenu(0)
    expect(menu.map((item) => item.kind)).toEqual([
      'open',
      'lock',
      'separator',
      'due',
      'verify-due',
      'separator',
      'quit',
    ])
    const due = menu.find((item) => item.kind === 'due')
    expect(due?.kind === 'due' ? due.keys.map((key) => key.label) : []).toContain('solenoid-meter/due-meter — due')
    expect(JSON.stringify(menu)).not.toContain(METER_KEY)
    // Only the keys needing attention whose provider verifies by API are asked (the custom ones are not): the due
    // meter key, and the one an earlier test saw rejected (asked again: still rejected).
    events.splice(0)
    expect(await app.verifyDue()).toBe('2 due keys verified: 1 live, 1 invalid, 0 not checked.')
    // The tray wrote in this process (no other connection's commit): the window hears of it all the same.
    expect(events.filter((sent) => sent.event === 'keys:changed').length).toBeGreaterThan(0)
    await value('vault:lock', {})
    expect(await app.trayMenu(3)).toEqual([
      { kind: 'open' },
      { kind: 'unlock' },
      { kind: 'due', count: 3, keys: [] },
      { kind: 'separator' },
      { kind: 'quit' },
    ])
    await value('vault:unlock', { method: 'password', password: 'window password' })
  })

  it('random payloads on every channel get INVALID_INPUT (or a clear error), never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...channelNames), fc.anything(), async (channel, payload) => {
        if (channel === 'vault:create' || channel === 'vault:unlock') return // their valid payloads are slow (Argon2id)
        const result = await call(channel, payload)
        if (!result.ok) expect(result.error.code).not.toBe('INTERNAL')
      }),
      { numRuns: 300 },
    )
    for (const channel of ['vault:create', 'vault:unlock', 'key:reveal', 'key:copy'] as const) {
      expect(await call(channel, { surprise: true })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    }
  })

  it('refuses every channel from a foreign frame', async () => {
    for (const channel of channelNames) {
      const result = await runHandler(
        channel,
        app.handlers[channel] as Handler<typeof channel>,
        policy,
        { senderFrame: { url: 'https://evil.example/' } },
        {},
      )
      expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } })
    }
  })
})
