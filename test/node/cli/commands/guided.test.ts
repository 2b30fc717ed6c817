// The guided flows, driven through a fake Terminal (the CLI's port to the person at the keyboard).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { guidedRevocation, guidedRotation } from '../../../../src-main/cli/commands/guided'
import type { Terminal } from '../../../../src-main/cli/terminal'
import { createKey, getKey, keyHistory, revealValue } from '../../../../src-main/core/keys/keyRepository'
import { findProvider } from '../../../../src-main/core/providers/builtinProviders'
import { GuidedRotation, rotationPlan } from '../../../../src-main/core/providers/guidedSteps'
import { auditEvents } from '../../../../src-main/core/vault/audit'
import { rotationJournal } from '../../../../src-main/core/providers/apiRotation'
import { recordUsages } from '../../../../src-main/core/dotenv/usageStore'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { VaultSession } from '../../../../src-main/core/vault/VaultSession'
import { startAisouleSimulator, type AisouleKey } from '../../../simulators/aisoule'
import type { RunningSimulator } from '../../../simulators/simulatorServer'
import { newTestVault, tempDir } from '../../helpers/testVault'
import { keyIdOf } from '../../../../src-main/core/keys/keyRef'

function scriptedTerminal(answers: (string | boolean)[]): Terminal & { said: string[] } {
  const said: string[] = []
  const next = () => answers.shift()
  return {
    said,
    stdoutIsTTY: true,
    color: false,
    interactive: true,
    out: (text) => void said.push(text),
    err: (text) => void said.push(text),
    promptHidden: async (question) => (said.push(question), String(next() ?? '')),
    confirm: async (question) => (said.push(question), next() === true),
    ask: async (question) => (said.push(question), String(next() ?? '')),
    readStdin: async () => '',
  }
}

const aisouleKeys = new Map<string, AisouleKey>([
  ['ak_live_old_000000000000', { status: 'active' }],
  ['ak_live_new_111111111111', { status: 'active' }],
])
let simulator: RunningSimulator & { baseUrl: string }
let temp: ReturnType<typeof tempDir>
let session: VaultSession

beforeAll(async () => {
  simulator = await startAisouleSimulator(aisouleKeys)
})
afterAll(() => simulator.close())
beforeEach(async () => {
  temp = tempDir()
  session = (await newTestVault(temp.dir)).session
  createKey(session, { provider: 'aisoule', name: 'prod', environment: 'production' }, 'ak_live_old_000000000000')
})
afterEach(() => {
  session.lock()
  temp.remove()
})

describe('guided rotation', () => {
  it('walks create → paste → store and verify → update integrations → delete the old key', async () => {
    const terminal = scriptedTerminal(['ak_live_new_111111111111', true])
    const http = { fetch, sleep: async () => undefined, env: { KEYWARD_AISOULE_BASE_URL: simulator.baseUrl } }
    await guidedRotation(terminal, session, getKey(session, keyIdOf(session, 'prod')), http, undefined)
    expect(revealValue(session, keyIdOf(session, 'prod'))).toBe('ak_live_new_111111111111')
    expect(keyHistory(session, keyIdOf(session, 'prod')).versions[1]).toMatchObject({
      retiredReason: 'rotated (guided)',
    })
    expect(getKey(session, keyIdOf(session, 'prod')).lastVerifyResult).toBe('ok')
    const transcript = terminal.said.join('\n')
    expect(transcript).toMatch(/1\. Open https:\/\/app\.aisoule\.com\/ and create a new key/)
    expect(transcript).toMatch(/4\. Update every/)
    expect(transcript).toMatch(/Rotation complete/)
    expect(transcript).not.toContain('ak_live_new_111111111111')
  })

  it('changes nothing when no key is pasted', async () => {
    const terminal = scriptedTerminal([''])
    await expect(
      guidedRotation(
        terminal,
        session,
        getKey(session, keyIdOf(session, 'prod')),
        {
          fetch,
          sleep: async () => undefined,
          env: {},
        },
        undefined,
      ),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    expect(revealValue(session, keyIdOf(session, 'prod'))).toBe('ak_live_old_000000000000')
  })
})

describe('guided revocation', () => {
  it('marks the key revoked only once the user confirms, and audits it', async () => {
    expect(await guidedRevocation(scriptedTerminal([false]), session, getKey(session, keyIdOf(session, 'prod')))).toBe(
      false,
    )
    expect(getKey(session, keyIdOf(session, 'prod')).status).toBe('active')
    expect(await guidedRevocation(scriptedTerminal([true]), session, getKey(session, keyIdOf(session, 'prod')))).toBe(
      true,
    )
    expect(getKey(session, keyIdOf(session, 'prod')).status).toBe('revoked')
    expect(auditEvents(session).some((event) => event.action === 'revoked')).toBe(true)
  })
})

describe('the core step machine', () => {
  it('refuses a mistyped key before storing anything, and keeps its step so the user can paste again', async () => {
    const http = { fetch, sleep: async () => undefined, env: { KEYWARD_AISOULE_BASE_URL: simulator.baseUrl } }
    const rotation = GuidedRotation.start(session, getKey(session, keyIdOf(session, 'prod')).id, http)
    expect(rotation.current).toMatchObject({ step: 'create-in-dashboard', dashboard: { provider: 'AIsoule' } })
    await expect(rotation.submitCandidate('ak_live_typo_99999999999')).rejects.toMatchObject({ code: 'KEY_REJECTED' })
    expect(revealValue(session, keyIdOf(session, 'prod'))).toBe('ak_live_old_000000000000')
    expect(rotation.current.step).toBe('create-in-dashboard')
    await expect(rotation.confirmOldRevoked(true)).rejects.toMatchObject({ code: 'CONFLICT' })
    expect(await rotation.submitCandidate('ak_live_new_111111111111')).toMatchObject({
      step: 'revoke-old-in-dashboard',
    })
    // AIsoule still accepts the old key here: the proof says so.
    expect(await rotation.confirmOldRevoked(true)).toMatchObject({
      step: 'done',
      oldRevoked: true,
      proof: expect.stringContaining('still accepts the old key'),
    })
  })

  it('is journaled like a rotation by API: each step, the .env writes and the deletion in the audit trail', async () => {
    const http = { fetch, sleep: async () => undefined, env: { KEYWARD_AISOULE_BASE_URL: simulator.baseUrl } }
    const id = keyIdOf(session, 'prod')
    const envFile = path.join(temp.dir, 'app.env')
    writeFileSync(envFile, 'AISOULE_API_KEY=ak_live_old_000000000000\n')
    recordUsages(session, envFile, [{ keyId: id, variable: 'AISOULE_API_KEY' }])
    const rotation = GuidedRotation.start(session, id, http)
    expect(rotationJournal(session, id)).toMatchObject({ next: 'create', retire: 'dashboard', log: [] })
    await rotation.submitCandidate('ak_live_new_111111111111')
    // A lock here loses nothing: the journal says the old key waits to be deleted in the dashboard.
    const stored = rotationJournal(session, id)
    expect(stored?.next).toBe('retire')
    expect(stored?.log.map((entry) => [entry.step, entry.outcome])).toEqual([
      ['create', 'done'],
      ['verify', 'done'],
      ['store', 'done'],
      ['propagate', 'done'],
    ])
    expect(readFileSync(envFile, 'utf8')).toBe('AISOULE_API_KEY=ak_live_new_111111111111\n')
    aisouleKeys.set('ak_live_old_000000000000', { status: 'revoked' })
    try {
      await rotation.confirmOldRevoked(true)
    } finally {
      aisouleKeys.set('ak_live_old_000000000000', { status: 'active' })
    }
    const done = rotationJournal(session, id)
    expect(done?.next).toBe('done')
    expect(done?.log.at(-1)).toMatchObject({
      step: 'prove',
      outcome: 'done',
      message: expect.stringContaining('the old key is dead'),
    })
    const actions = auditEvents(session).map((event) => [event.action, event.detail])
    expect(actions).toContainEqual(['exported', { to: envFile, variable: 'AISOULE_API_KEY', by: 'rotation' }])
    expect(actions).toContainEqual(['old-key-deleted', { where: 'dashboard' }])
  })

  it('refuses the key Keyward already has, or had, before asking the provider or storing anything', async () => {
    const http = { fetch, sleep: async () => undefined, env: { KEYWARD_AISOULE_BASE_URL: simulator.baseUrl } }
    const id = keyIdOf(session, 'prod')
    const asked = simulator.requests.length
    const rotation = GuidedRotation.start(session, id, http)
    const same = {
      code: 'CONFLICT',
      message: 'That is the key Keyward already has — create a new one at AIsoule first.',
    }
    await expect(rotation.submitCandidate(' ak_live_old_000000000000\n')).rejects.toMatchObject(same)
    expect(simulator.requests.length).toBe(asked)
    expect(keyHistory(session, id).versions).toHaveLength(1)
    expect(await rotation.submitCandidate('ak_live_new_111111111111')).toMatchObject({
      step: 'revoke-old-in-dashboard',
    })
    // The retired value is no new key either.
    await expect(
      GuidedRotation.start(session, id, http).submitCandidate('ak_live_old_000000000000'),
    ).rejects.toMatchObject({ code: 'CONFLICT' })
    expect(keyHistory(session, id).versions).toHaveLength(2)
  })

  it('answers api | guided | none per provider, the same for the CLI and the app', () => {
    expect(['solenoid-meter', 'aisoule', 'github'].map((id) => rotationPlan(findProvider(id)))).toEqual([
      'api',
      'guided',
      expect.stringMatching(/guided|none/),
    ])
    expect(rotationPlan(undefined)).toBe('none')
  })
})
