import { selectKeys, writeKeysToDotenv, type KeySelection } from '../dotenv/keySelection'
import { companionAssignments, keyExports, pairPartsOf, selectWithPairs } from '../providers/keyExports'
import { KeywardError, vaultLocked } from '../errors'
import type { KeyRecord } from '../keys/keyRecord'
import { readKeyById, readSecretValue, listKeys } from '../keys/keyRepository'
import { resolveKeyRef } from '../keys/keyRef'
import { findKeys } from '../keys/keyQuery'
import { withStates } from '../keys/keyState'
import type { Approval, ApprovalRequest, Approver } from '../ports/Approver'
import type { PeerInfo } from '../ports/PeerIdentity'
import { recordEvent } from '../vault/audit'
import type { VaultService } from '../vault/VaultService'
import type { VaultSession } from '../vault/VaultSession'
import { callerOf } from './caller'
import type { GrantStore, GrantTarget } from './grants'
import type { AgentStatus, Purpose, Request, Selection, ServeOptions, ValueOf } from './protocol'

export interface AgentOperationsDeps {
  readonly vault: VaultService
  readonly approver: Approver
  readonly grants: GrantStore
  readonly status: () => AgentStatus
  /** Locks the vault (which ends every grant); the headless host then stops. */
  readonly lock: () => Promise<void>
  /** The desktop app: brings the unlock window forward and resolves once unlocked; absent headless. */
  readonly awaitUnlock?: (signal: AbortSignal) => Promise<void>
}

interface Planned {
  readonly key: KeyRecord
  readonly variable: string | null
}

/**
 * What the agent does for one request, on the vault the host holds open. Values go out only after a grant or a
 * person's (or the headless policy's) approval; metadata after one "connect" approval per terminal. Agent work
 * never counts as activity, so a polling script cannot keep the vault from auto-locking; and it never hands out
 * the database key — only values, one key at a time, each recorded in the audit trail under the caller.
 */
export async function serveRequest(
  deps: AgentOperationsDeps,
  request: Request,
  peer: PeerInfo,
  options: ServeOptions & { signal: AbortSignal },
): Promise<unknown> {
  if (request.op === 'status') return deps.status()
  if (request.op === 'lock') {
    await deps.lock()
    return { locked: true }
  }
  if (deps.vault.state !== 'unlocked') {
    if (!options.wait || deps.awaitUnlock === undefined) throw vaultLocked()
    await deps.awaitUnlock(options.signal)
  }
  const read = <T>(work: (session: VaultSession) => T) =>
    deps.vault.run(({ session }) => work(session), { activity: false })
  const caller = callerOf(peer)
  if (request.op === 'list' || request.op === 'search') {
    await approve(deps, peer, options, { kind: 'metadata' }, { kind: 'metadata', keys: [], purpose: '' })
    return read((session) =>
      session.actingFor(caller, () => {
        const keys = performRequest(session, request) as unknown[]
        // A program that reads the key list is recorded (a person's own list and search in the app are not).
        recordEvent(session, request.op === 'list' ? 'listed' : 'searched', {}, { keys: keys.length })
        return keys
      }),
    )
  }
  const selection = request.selection
  const planned = await read((session) => plan(session, selection, request.op === 'env-write' || request.variables))
  await approveValues(deps, peer, options, planned, purposeOf(request))
  // Exactly the keys the person allowed — not the selection read again (a key added to the environment meanwhile).
  return read((session) =>
    session.actingFor(caller, () =>
      request.op === 'values'
        ? reveal(session, planned, request.purpose)
        : writeKeysToDotenv(
            session,
            request.file,
            keyExports(session, { ids: planned.map(({ key }) => key.id) }),
            request.dryRun,
          ),
    ),
  )
}

/** The vault work of a request, approval done (the agent) or not needed (the CLI unlocked the vault itself). */
export function performRequest(session: VaultSession, request: VaultRequest): unknown {
  switch (request.op) {
    case 'list':
      return listKeys(session, { provider: request.provider, environment: request.environment })
        .filter((key) => request.tag === undefined || key.tags.includes(request.tag))
        .map(withStates(session))
        .filter(
          ({ state }) =>
            request.status === undefined ||
            (request.status === 'attention' ? state.attention : state.kind === request.status),
        )
    case 'search':
      // The window's query language: words, provider:, env:, tag:, is:… (keys/keyQuery.ts).
      return findKeys(session, request.query, request.limit).map(withStates(session))
    case 'values':
      return reveal(session, plan(session, request.selection, request.variables), request.purpose)
    case 'env-write': {
      const ids: KeySelection = { ids: plan(session, request.selection, true).map(({ key }) => key.id) }
      return writeKeysToDotenv(session, request.file, keyExports(session, ids), request.dryRun)
    }
  }
}

/** The requests that read or write the vault (status and lock are the host's). */
export type VaultRequest = Exclude<Request, { op: 'status' } | { op: 'lock' }>

function purposeOf(request: Extract<VaultRequest, { op: 'values' | 'env-write' }>): string {
  if (request.op === 'values') return purposeText(request.purpose)
  return `${request.dryRun ? 'check what would change in' : 'write'} ${request.file}`
}

function plan(session: VaultSession, selection: Selection, variables: boolean): Planned[] {
  const chosen: KeySelection =
    'refs' in selection ? { ids: selection.refs.map((ref) => resolveKeyRef(session, ref).id) } : selection
  if (variables) return selectWithPairs(session, chosen)
  if ('environment' in chosen) return selectKeys(session, chosen)
  return chosen.ids.map((id) => ({ key: readKeyById(session, id), variable: null }))
}

/**
 * The values, each recorded. With variables (run, copy as VAR=value) a pair's public parts follow its secret as
 * their own assignments; without (a reference file names the secret's variable) they travel as `pair`, and the
 * caller names them after the file's variable.
 */
function reveal(session: VaultSession, planned: readonly Planned[], purpose: Purpose): ValueOf[] {
  return planned.flatMap(({ key, variable }): ValueOf[] => {
    const value = readSecretValue(session, key.id)
    const target = { keyId: key.id, keyRef: key.ref }
    if (purpose.kind === 'get') recordEvent(session, 'revealed', target)
    else if (purpose.kind === 'copy') recordEvent(session, 'copied', target)
    else
      recordEvent(session, 'exported', target, {
        to: purpose.kind === 'run' ? 'process' : purpose.kind === 'shell' ? 'shell' : purpose.file,
        ...(purpose.kind === 'run' ? { command: purpose.command } : {}),
        ...(variable === null ? {} : { variable }),
      })
    if (variable !== null)
      return [
        { ref: key.ref, variable, value },
        ...companionAssignments(key, variable).map((part) => ({ ref: key.ref, ...part })),
      ]
    const pair = purpose.kind === 'get' ? null : pairPartsOf(key)
    return [{ ref: key.ref, variable, value, ...(pair === null ? {} : { pair }) }]
  })
}

function purposeText(purpose: Purpose): string {
  switch (purpose.kind) {
    case 'get':
      return 'print to the terminal'
    case 'copy':
      return 'copy to the clipboard'
    case 'run':
      return `run ${purpose.command} with them in its environment`
    case 'env-inject':
      return `write ${purpose.file}`
    case 'shell':
      return 'print as shell export lines'
  }
}

type Asking = Pick<ServeOptions, 'quiet'> & { readonly signal: AbortSignal }

async function approveValues(
  deps: AgentOperationsDeps,
  peer: PeerInfo,
  asking: Asking,
  planned: readonly Planned[],
  purpose: string,
): Promise<void> {
  const missing = planned.filter(({ key }) => !deps.grants.holds(peer.sessionKey, { kind: 'value', keyId: key.id }))
  if (missing.length === 0) return
  const keys = missing.map(({ key }) => ({ ref: key.ref, environment: key.environment }))
  const answer = await ask(deps, peer, asking, { kind: 'values', keys, purpose })
  if (answer === 'terminal' && peer.sessionKey !== null)
    deps.grants.grant(
      peer.sessionKey,
      missing.map(({ key }) => ({ kind: 'value', keyId: key.id })),
    )
}

async function approve(
  deps: AgentOperationsDeps,
  peer: PeerInfo,
  asking: Asking,
  target: GrantTarget,
  request: Pick<ApprovalRequest, 'kind' | 'keys' | 'purpose'>,
): Promise<void> {
  if (deps.grants.holds(peer.sessionKey, target)) return
  const answer = await ask(deps, peer, asking, request)
  if (answer === 'terminal' && peer.sessionKey !== null) deps.grants.grant(peer.sessionKey, [target])
}

/**
 * Asks; a refusal (or no answer) is DENIED, as is a quiet request that would need a person (a policy still
 * answers it). "For this terminal" is offered only to a caller with a terminal.
 */
async function ask(
  deps: AgentOperationsDeps,
  peer: PeerInfo,
  asking: Asking,
  request: Pick<ApprovalRequest, 'kind' | 'keys' | 'purpose'>,
): Promise<Approval> {
  if (asking.quiet && deps.approver.asksPerson)
    throw new KeywardError('DENIED', 'This terminal has not been allowed yet; nobody was asked.')
  const canRemember = peer.sessionKey !== null
  const answer = await deps.approver.ask({ ...request, peer, canRemember }, asking.signal)
  if (answer === 'deny') throw new KeywardError('DENIED', 'Keyward did not allow this request.')
  return answer === 'terminal' && !canRemember ? 'once' : answer
}
