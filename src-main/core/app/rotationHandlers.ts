import type { ResponseOf } from '../../../src-preload/contract'
import type { Handlers } from '../ipc/handle'
import type { KeyId } from '../keys/keyId'
import { readKeyById } from '../keys/keyRepository'
import {
  propagateRotation,
  propagationPreview,
  proveOldRejected,
  retireOldKey,
  rotationJournal,
  skipRotationStep,
  startRotation,
  storeNewKey,
  verifyNewKey,
  type RetireOld,
} from '../providers/apiRotation'
import { providerFor } from '../providers/customProviders'
import type { HttpDeps } from '../providers/providerHttp'
import type { VaultSession } from '../vault/VaultSession'
import { idOf, summarize } from './keySummary'
import type { ProviderHandlerDeps } from './providerHandlers'

type RotationView = ResponseOf<'rotation:state'>

/** Where the key's rotation stands; opening the stepper on a finished rotation (`fresh`) offers a new one. */
function view(session: VaultSession, id: KeyId, fresh = false): RotationView {
  const key = readKeyById(session, id)
  const provider = providerFor(session, key.provider)?.provider
  const recorded = rotationJournal(session, id)
  const journal = fresh && recorded?.next === 'done' ? null : recorded
  return {
    key: summarize(session)(key),
    provider: provider?.name ?? key.provider,
    dashboardUrl: provider?.dashboardUrl ?? null,
    next: journal?.next ?? null,
    retire: journal?.retire ?? null,
    log: [...(journal?.log ?? [])],
    files: journal?.next === 'propagate' ? propagationPreview(session, id) : [],
  }
}

/**
 * The rotation stepper's two channels: read where a key's rotation stands (the window resumes from it after a lock or
 * a restart), and run or skip its next step — one unit of work each, on the step machine `keyward rotate` runs.
 * The adapter's "delete the old key" lives in memory between steps and is forgotten when the vault locks (it holds
 * what the adapter learnt while rotating); after that, the retire step falls back to revoking by API or the dashboard.
 */
export function createRotationHandlers(deps: ProviderHandlerDeps): Pick<Handlers, 'rotation:state' | 'rotation:step'> {
  const retirements = new Map<KeyId, RetireOld>()
  deps.vault.onState((state) => {
    if (state !== 'unlocked') retirements.clear()
  })
  const httpOf = (signal: AbortSignal): HttpDeps => ({ ...deps.http, sleep: deps.sleep, signal })

  async function runNext(
    session: VaultSession,
    id: KeyId,
    http: HttpDeps,
    files: readonly { file: string; variable: string }[],
    confirmed: boolean,
  ) {
    const next = rotationJournal(session, id)?.next ?? null
    if (next === null || next === 'done' || next === 'create') {
      const { retireOld } = await startRotation(session, id, http)
      if (retireOld !== null) retirements.set(id, retireOld)
    } else if (next === 'verify') await verifyNewKey(session, id, http)
    else if (next === 'store') storeNewKey(session, id)
    else if (next === 'propagate') propagateRotation(session, id, files)
    else if (next === 'retire')
      await retireOldKey(session, id, http, { retireOld: retirements.get(id) ?? null, confirmed })
    else await proveOldRejected(session, id, http)
    const after = rotationJournal(session, id)?.next
    if (after === 'prove' || after === 'done') retirements.delete(id)
  }

  return {
    'rotation:state': ({ id }) => deps.vault.run(({ session }) => view(session, idOf(id), true)),
    'rotation:step': ({ id, action, files, confirmed }) =>
      deps.vault.run(async ({ session, signal }) => {
        const keyId = idOf(id)
        if (action === 'skip') skipRotationStep(session, keyId)
        else await runNext(session, keyId, httpOf(signal), files ?? [], confirmed === true)
        return view(session, keyId)
      }),
  }
}
