import { KeywardError } from '../errors'
import { KEY_STATE_KINDS, keyStateOf, type KeyStateKind } from './keyState'
import { remindBeforeDefault } from '../vault/settings'
import type { VaultSession } from '../vault/VaultSession'
import { firstNeedingAttention, keysRejected } from './deadlineStore'
import type { KeyRecord } from './keyRecord'
import { listKeys } from './keyRepository'
import { MAX_QUERY_LENGTH, searchKeys } from './keySearch'

/** `is:` filters the window's search understands (the sidebar's views are these queries). */
const STATES = [
  'expired',
  'due',
  'overdue',
  'attention',
  'rejected',
  'unreachable',
  'restricted',
  'revoked',
  'active',
  'unverified',
] as const
type State = (typeof STATES)[number]

interface Parsed {
  readonly words: string[]
  readonly provider: string | null
  readonly environment: string | null
  readonly tags: string[]
  readonly states: State[]
}

const ALIASES: Record<string, 'provider' | 'environment' | 'tag' | 'is'> = {
  provider: 'provider',
  env: 'environment',
  environment: 'environment',
  tag: 'tag',
  is: 'is',
}

/** Splits `provider:stripe is:expired billing` into filters and free words; an unknown `is:` is a clear error. */
export function parseKeyQuery(query: string): Parsed {
  const parsed: Parsed = { words: [], provider: null, environment: null, tags: [], states: [] }
  let provider: string | null = null
  let environment: string | null = null
  for (const token of query
    .trim()
    .split(/\s+/)
    .filter((word) => word !== '')) {
    const match = /^([a-z]+):(.+)$/i.exec(token)
    const field = match === null ? undefined : ALIASES[(match[1] ?? '').toLowerCase()]
    const value = (match?.[2] ?? '').toLowerCase()
    if (field === 'provider') provider = value
    else if (field === 'environment') environment = value
    else if (field === 'tag') parsed.tags.push(value)
    else if (field === 'is') {
      if (!(STATES as readonly string[]).includes(value))
        throw new KeywardError('INVALID_INPUT', `is:${value} is not a filter; try is:${STATES.join(', is:')}.`)
      parsed.states.push(value as State)
    } else parsed.words.push(token)
  }
  return { ...parsed, provider, environment }
}

function matchesState(key: KeyRecord, state: State, kind: KeyStateKind, attention: boolean): boolean {
  switch (state) {
    case 'attention':
      return attention
    case 'active':
      return key.status === 'active'
    case 'revoked':
      return key.status === 'revoked'
    case 'unverified':
      return key.lastVerifiedAt === null
    default:
      return kind === state
  }
}

/**
 * The keys a filtered search starts from: for `is:attention` and `is:rejected`, their indexed SQL (a 100k vault's
 * sidebar view reads only those keys); otherwise the provider's or environment's keys.
 */
function candidatesOf(session: VaultSession, parsed: Parsed, limit: number): { keys: KeyRecord[]; exact: boolean } {
  const alone =
    parsed.words.length === 0 && parsed.provider === null && parsed.environment === null && parsed.tags.length === 0
  const only = alone && parsed.states.length === 1 ? parsed.states[0] : undefined
  if (parsed.words.length > 0) return { keys: searchKeys(session, parsed.words.join(' '), 10_000), exact: false }
  if (parsed.states.includes('attention')) {
    // The sidebar's view reads only the first `limit` (no count: the sidebar has it from keys:counts).
    const keys = firstNeedingAttention(
      session,
      remindBeforeDefault(session),
      only === 'attention' ? limit : Number.POSITIVE_INFINITY,
    )
    return { keys, exact: only === 'attention' }
  }
  if (parsed.states.includes('rejected')) {
    return { keys: keysRejected(session, only === 'rejected' ? limit : Number.POSITIVE_INFINITY).keys, exact: false }
  }
  const filters = { provider: parsed.provider ?? undefined, environment: parsed.environment ?? undefined }
  return { keys: listKeys(session, filters), exact: false }
}

/**
 * The window's search: free words as `searchKeys` finds them (names first, trigram index), narrowed by
 * `provider:`, `env:`, `tag:` and `is:` filters (keyState's kinds, attention, active, unverified).
 */
export function findKeys(session: VaultSession, query: string, limit: number): KeyRecord[] {
  if (query.length > MAX_QUERY_LENGTH)
    throw new KeywardError('INVALID_INPUT', `A search is at most ${MAX_QUERY_LENGTH} characters.`)
  const parsed = parseKeyQuery(query)
  const filtered =
    parsed.provider !== null || parsed.environment !== null || parsed.tags.length > 0 || parsed.states.length > 0
  if (!filtered) return searchKeys(session, parsed.words.join(' '), limit)
  const { keys, exact } = candidatesOf(session, parsed, limit)
  const now = session.clock.now()
  const window = remindBeforeDefault(session)
  if (exact) {
    // The attention view in urgency order (expired, rejected, overdue, due), soonest first: the few it read.
    const ranked = keys.map((key) => ({ key, state: keyStateOf(key, now, window) }))
    const rank = (item: (typeof ranked)[number]) => KEY_STATE_KINDS.indexOf(item.state.kind)
    ranked.sort(
      (a, b) =>
        rank(a) - rank(b) ||
        (a.state.deadline ?? '~').localeCompare(b.state.deadline ?? '~') ||
        a.key.ref.localeCompare(b.key.ref),
    )
    return ranked.map((item) => item.key)
  }
  return keys
    .filter(
      (key) =>
        (parsed.provider === null || key.provider === parsed.provider) &&
        (parsed.environment === null || key.environment === parsed.environment),
    )
    .filter((key) => parsed.tags.every((tag) => key.tags.some((own) => own.toLowerCase() === tag)))
    .filter((key) => {
      if (parsed.states.length === 0) return true
      const state = keyStateOf(key, now, window)
      return parsed.states.every((wanted) => matchesState(key, wanted, state.kind, state.attention))
    })
    .slice(0, limit)
}
