import { describe, expect, it } from 'vitest'
import { channelNames, type Result } from '../../../../src-preload/contract'
import { KeywardError } from '../../../../src-main/core/errors'
import {
  registerHandlers,
  runHandler,
  type Handlers,
  type InvokeEventLike,
  type MainTransport,
} from '../../../../src-main/core/ipc/handle'
import { trustOrigins } from '../../../../src-main/core/ipc/senderPolicy'

const policy = trustOrigins(['app://keyward'])
const fromApp: InvokeEventLike = { senderFrame: { url: 'app://keyward/index.html' } }
const info = {
  name: 'Keyward',
  version: '1.2.3',
  platform: 'linux',
  arch: 'x64',
  runtime: { electron: null, node: '20.19.0', chrome: null },
  defaultVaultDir: '/home/u/.config/Keyward/vault',
  vaultDir: '/home/u/.config/Keyward/vault',
  storage: { ok: true as const, sqlite: '3.50.0', cipher: 'SQLite3 Multiple Ciphers 2.0' },
}

describe('runHandler', () => {
  it('returns the handler value for a well-formed call from the app origin', async () => {
    const result = await runHandler('app:info', async () => info, policy, fromApp, {})
    expect(result).toEqual({ ok: true, value: info })
  })

  it.each([
    ['another origin', { senderFrame: { url: 'https://evil.example/index.html' } }],
    ['a look-alike host', { senderFrame: { url: 'app://keyward.evil/index.html' } }],
    ['a file: page', { senderFrame: { url: 'file:///tmp/index.html' } }],
    ['a destroyed frame', { senderFrame: null }],
  ])('refuses a call from %s with FORBIDDEN_SENDER and never runs the handler', async (_label, event) => {
    let ran = false
    const result = await runHandler('app:info', async () => ((ran = true), info), policy, event, {})
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } })
    expect(ran).toBe(false)
  })

  it.each([
    ['a number', 42],
    ['null', null],
    ['an unexpected field', { vaultDir: '/etc' }],
  ])(
    'refuses %s as payload with INVALID_INPUT, in words (no channel, no schema vocabulary)',
    async (_label, payload) => {
      let ran = false
      const result = await runHandler('app:ping', async () => ((ran = true), { seq: 1 }), policy, fromApp, payload)
      expect(result.ok).toBe(false)
      if (result.ok) return
      expect(result.error.code).toBe('INVALID_INPUT')
      expect(result.error.message).not.toMatch(/app:ping|expected|Too small|Invalid input|unrecognized/i)
      expect(ran).toBe(false)
    },
  )

  it('names the field at fault in words, with a hint the form uses to show the message beside it', async () => {
    const add = {
      provider: null,
      name: '',
      envVar: null,
      environment: 'development',
      expiresAt: null,
      rotateEveryDays: null,
      remindBeforeDays: null,
      tags: [],
      notes: '',
      value: 'v',
      formatCheck: true,
    }
    const refused = (payload: unknown) =>
      runHandler(
        'key:add',
        async () => {
          throw new Error('must not run')
        },
        policy,
        fromApp,
        payload,
      )
    expect(await refused(add)).toEqual({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: 'The name cannot be empty.',
        hint: { action: 'fix-field', field: 'name' },
      },
    })
    expect(await refused({ ...add, name: 'n', notes: 'x'.repeat(4001) })).toMatchObject({
      error: { message: 'The notes — at most 4000 characters.', hint: { field: 'notes' } },
    })
    expect(await refused({ ...add, name: 'n', envVar: 'X'.repeat(129) })).toMatchObject({
      error: { message: 'The env var — at most 128 characters.', hint: { field: 'envVar' } },
    })
  })

  it('passes a KeywardError through as its code and message', async () => {
    const result = await runHandler(
      'app:ping',
      async () => {
        throw new KeywardError('INVALID_INPUT', 'Pick a vault first.')
      },
      policy,
      fromApp,
      {},
    )
    expect(result).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: 'Pick a vault first.' } })
  })

  it('turns any other exception into INTERNAL without repeating its message', async () => {
    const canary = 'sk-canary-0123456789abcdef'
    const result = await runHandler(
      'app:ping',
      async () => {
        throw new Error(`driver choked on ${canary}`)
      },
      policy,
      fromApp,
      {},
    )
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(JSON.stringify(result)).not.toContain(canary)
  })

  it('drops response fields the contract does not declare', async () => {
    const leaky = { ...info, secretValue: 'sk-should-not-cross' }
    const result = await runHandler('app:info', async () => leaky, policy, fromApp, {})
    expect(result.ok && 'secretValue' in result.value).toBe(false)
  })

  it('reports a handler answer that breaks the contract as INTERNAL', async () => {
    const result = await runHandler('app:ping', async () => ({ seq: -1 }), policy, fromApp, {})
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
  })
})

describe('registerHandlers', () => {
  it('registers exactly the contract channels, each going through the checks', async () => {
    const registered = new Map<string, (event: InvokeEventLike, payload: unknown) => Promise<Result<unknown>>>()
    const transport: MainTransport = { handle: (channel, listener) => void registered.set(channel, listener) }
    const unused = async (): Promise<never> => {
      throw new Error('not called in this test')
    }
    const handlers: Handlers = {
      ...(Object.fromEntries(channelNames.map((channel) => [channel, unused])) as unknown as Handlers),
      'app:info': async () => info,
      'app:ping': async () => ({ seq: 7 }),
    }
    registerHandlers(transport, handlers, policy)

    expect([...registered.keys()].sort()).toEqual([...channelNames].sort())
    expect(await registered.get('app:ping')?.(fromApp, {})).toEqual({ ok: true, value: { seq: 7 } })
    expect(await registered.get('app:ping')?.({ senderFrame: { url: 'https://x.example/' } }, {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_SENDER' },
    })
  })
})
