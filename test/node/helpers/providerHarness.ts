// A fresh vault per test and provider calls pointed at one simulator (base URL override, loopback only): the shared
// set-up of the provider tests.
import { afterEach, beforeEach } from 'vitest'
import { createKey, getKey } from '../../../src-main/core/keys/keyRepository'
import { keyIdOf } from '../../../src-main/core/keys/keyRef'
import { verifyKey } from '../../../src-main/core/providers/keyOperations'
import type { HttpDeps } from '../../../src-main/core/providers/providerHttp'
import type { VaultSession } from '../../../src-main/core/vault/VaultSession'
import type { RunningSimulator } from '../../simulators/simulatorServer'
import { newTestVault, tempDir } from './testVault'

/** `text` repeated and cut to `length`: a synthetic key body of a documented length. */
export const repeat = (text: string, length: number) => text.repeat(Math.ceil(length / text.length)).slice(0, length)

export interface ProviderHarness {
  readonly session: () => VaultSession
  /** A directory of this test's own, removed after it. */
  readonly tempDir: () => string
  /** The simulator the last `via` started (closed after each test). */
  readonly simulator: () => RunningSimulator | undefined
  /** HTTP deps sending one provider's calls to the simulator (at `path` under its origin). */
  via(provider: string, running: RunningSimulator, path?: string): HttpDeps
  /** Adds a key and verifies it: the outcome (summary or error code), the stored result and metadata. */
  verifyAs(
    provider: string,
    name: string,
    value: string,
    http: HttpDeps,
    metadata?: Record<string, unknown>,
  ): Promise<{ outcome: string; stored: string | null; metadata: Readonly<Record<string, unknown>> }>
}

export function providerHarness(): ProviderHarness {
  let temp: ReturnType<typeof tempDir>
  let session: VaultSession
  let simulator: RunningSimulator | undefined
  beforeEach(async () => {
    temp = tempDir()
    session = (await newTestVault(temp.dir)).session
  })
  afterEach(async () => {
    await simulator?.close()
    simulator = undefined
    session.lock()
    temp.remove()
  })
  return {
    session: () => session,
    tempDir: () => temp.dir,
    simulator: () => simulator,
    via(provider, running, path = '') {
      simulator = running
      const variable = `KEYWARD_${provider.toUpperCase().replace(/-/g, '_')}_BASE_URL`
      return { fetch, sleep: async () => undefined, env: { [variable]: `${running.origin}${path}` } }
    },
    async verifyAs(provider, name, value, http, metadata = {}) {
      createKey(session, { provider, name, metadata }, value)
      const id = keyIdOf(session, `${provider}/${name}`)
      const outcome = await verifyKey(session, id, http).then(
        (operation) => operation.summary,
        (error: { code: string }) => error.code,
      )
      const key = getKey(session, id)
      return { outcome, stored: key.lastVerifyResult, metadata: key.metadata }
    },
  }
}
