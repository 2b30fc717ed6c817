import type { ResponseOf } from '../../../src-preload/contract'
import { KeywardError, providerErrorCodes } from '../errors'
import type { Handlers } from '../ipc/handle'
import { listKeys, readKeyById } from '../keys/keyRepository'
import { providerFor } from '../providers/customProviders'
import { GuidedRotation } from '../providers/guidedSteps'
import { elasticEmailKeyNames } from '../providers/newKeyDetails'
import type { KeyId } from '../keys/keyId'
import { revokeKey, syncKey, verifyKey, type KeyOperation } from '../providers/keyOperations'
import { createRotationHandlers } from './rotationHandlers'
import type { HttpDeps } from '../providers/providerHttp'
import type { VaultSession } from '../vault/VaultSession'
import type { VaultService } from '../vault/VaultService'
import { idOf, summarize } from './keySummary'

export type ProviderChannel =
  | 'key:verify'
  | 'keys:verifiable'
  | 'key:sync'
  | 'rotation:state'
  | 'rotation:step'
  | 'key:revoke'
  | 'rotation:guidedStart'
  | 'rotation:guidedSubmit'
  | 'key:remoteNames'

/** How main reaches providers: fetch and the environment (base URL overrides, loopback only). */
export interface ProviderHttpPort {
  readonly fetch: typeof fetch
  readonly env: Readonly<Record<string, string | undefined>>
}

export interface ProviderHandlerDeps {
  readonly vault: VaultService
  readonly http: ProviderHttpPort
  readonly sleep: (ms: number) => Promise<void>
}

type Outcome = ResponseOf<'key:verify'>

/** Errors that are an answer about the key (shown in the pane), not a failure of the window's request. */
const ANSWERS = new Set<string>([...providerErrorCodes, 'INVALID_INPUT', 'UNSUPPORTED', 'NEEDS_DASHBOARD'])

/**
 * The same core operations as `keyward verify / sync / rotate / revoke`, one unit of work each: the provider call is
 * aborted if the vault locks meanwhile (a rotation only before it is sent). What the provider said comes back as an
 * outcome (a rejected key is `invalid`, not an error of the call); a locked vault or a bad request stays an error.
 */
function providerAction(
  deps: ProviderHandlerDeps,
  operation: (session: VaultSession, id: KeyId, http: HttpDeps) => Promise<KeyOperation>,
) {
  return ({ id }: { id: string }): Promise<Outcome> =>
    deps.vault.run(async ({ session, signal }) => {
      const keyId = idOf(id)
      try {
        const done = await operation(session, keyId, { ...deps.http, sleep: deps.sleep, signal })
        const outcome = done.key.lastVerifyResult === 'restricted' ? 'restricted' : 'ok'
        return { key: summarize(session)(done.key), outcome, code: null, message: done.summary }
      } catch (error) {
        if (!(error instanceof KeywardError) || !ANSWERS.has(error.code)) throw error
        const key = summarize(session)(readKeyById(session, keyId))
        return {
          key,
          outcome: error.code === 'KEY_REJECTED' ? 'invalid' : 'error',
          code: error.code,
          message: error.message,
        }
      }
    })
}

export function createProviderHandlers(deps: ProviderHandlerDeps): Pick<Handlers, ProviderChannel> {
  return {
    'key:verify': providerAction(deps, verifyKey),
    // The same selection as `keyward verify --all`; the window verifies them one by one, so it can show progress
    // and stop between two keys.
    'keys:verifiable': () =>
      deps.vault.run(({ session }) => ({
        ids: listKeys(session)
          .filter(
            (key) =>
              key.status === 'active' && providerFor(session, key.provider)?.provider.capabilities.verify === 'api',
          )
          .map((key) => key.id),
      })),
    'key:sync': providerAction(deps, syncKey),
    ...createRotationHandlers(deps),
    // The core step machine the CLI's guided rotation drives; each step is one unit of work (a lock between the
    // steps is harmless: nothing is stored until the pasted key is verified).
    'rotation:guidedStart': ({ id }) =>
      deps.vault.run(({ session }) => {
        const step = GuidedRotation.start(session, idOf(id), { ...deps.http, sleep: deps.sleep }).current
        if (step.step !== 'create-in-dashboard') throw new KeywardError('CONFLICT', 'This rotation has already begun.')
        const { provider, dashboardUrl, sameEnvironment, advice, pairLabel } = step.dashboard
        return { provider, dashboardUrl, environment: sameEnvironment ?? 'development', advice: [...advice], pairLabel }
      }),
    'rotation:guidedSubmit': ({ id, value, pairId }) =>
      deps.vault.run(async ({ session, signal }) => {
        const rotation = GuidedRotation.start(session, idOf(id), { ...deps.http, sleep: deps.sleep, signal })
        const stored = await rotation.submitCandidate(value, pairId ?? undefined)
        if (stored.step !== 'revoke-old-in-dashboard') throw new KeywardError('CONFLICT', 'The new key was not stored.')
        return {
          key: summarize(session)(readKeyById(session, idOf(id))),
          verified: stored.verified,
          files: [...stored.files],
        }
      }),
    // Asked only when the user presses "Find its name": the pasted key goes to Elastic Email, nowhere else.
    'key:remoteNames': async ({ value }) => ({
      names: await elasticEmailKeyNames(value.trim(), { ...deps.http, sleep: deps.sleep }),
    }),
    'key:revoke': async ({ id, confirmName }) => {
      const name = await deps.vault.run(({ session }) => readKeyById(session, idOf(id)).name)
      // The dialog asks for the typed name; main checks it too, so no other caller revokes by a click.
      if (confirmName !== name)
        throw new KeywardError('INVALID_INPUT', `Type the key's name (${name}) to revoke it; nothing was revoked.`)
      return providerAction(deps, revokeKey)({ id })
    },
  }
}
