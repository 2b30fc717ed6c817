import { KeywardError } from '../errors'
import { reminderFor } from '../reminders/reminderState'
import { remindBeforeDefault } from '../vault/settings'
import type { VaultSession } from '../vault/VaultSession'
import type { KeyRecord } from './keyRecord'
import { listKeys } from './keyRepository'
import { MAX_QUERY_LENGTH, searchKeys } from './keySearch'

/** `is:` filters the window's search understands (the sidebar's views are these queries). */
const STATES = ['expired', 'due', 'overdue', 'attention', 'revoked', 'active', 'unverified'] as const
type State = (typeof STATES)[number]

interface Parsed {
  readonly words: string[]
  readonly provider: string | null
  readonly environment: string | null
  readonly tags: string[]
  readonly states: State[]
}

const ALIASES: Record<string, 'provider' | 'environment' | 'tag' | 'is'> = { provider: 'provider', env: 'environment', environment: 'environment', tag: 'tag', is: 'is' }

/** Splits `provider:stripe is:expired billing` into filters and free words; an unknown `is:` is a clear error. */
export function parseKeyQuery(query: string): Parsed {
  const parsed: Parsed = { words: [], provider: null, environment: null, tags: [], states: [] }
  let provider: string | null = null
  let environment: string | null = null
  for (const token of query.trim().split(/\s+/).filter((word) => word !== '')) {
    const match = /^([a-z]+):(.+)$/i.exec(token)
    const field = match === null ? undefined : ALIASES[(match[1] ?? '').toLowerCase()]
    const value = (match?.[2] ?? '').toLowerCase()
    if (field === 'provider') provider = value
    else if (field === 'environment') environment = value
    else if (field === 'tag') parsed.tags.push(value)
    else if (field === 'is') {
      if (!(STATES as readonly string[]).includes(value)) throw new KeywardError('INVALID_INPUT', `is:${value} is not a filter; try is:${STATES.join(', is:')}.`)
      parsed.states.push(value as State)
    } else parsed.words.push(token)
  }
  return { ...parsed, provider, environment }
}

function matchesState(key: KeyRecord, state: State, reminder: ReturnType<typeof reminderFor>): boolean {
  switch (state) {
    case 'expired':
    case 'due':
    case 'overdue':
      return reminder.state === state
    case 'attention':
      return reminder.state !== 'ok'
    case 'revoked':
      return key.status === 'revoked'
    case 'active':
      return key.status === 'active'
    case 'unverified':
      return key.lastVerifiedAt === null
  }
}

/**
 * The window's search: free words as `searchKeys` finds them (names first, trigram index), narrowed by
 * `provider:`, `env:`, `tag:` and `is:` filters (expired, due, overdue, attention, revoked, active, unverified).
 */
export function findKeys(session: VaultSession, query: string, limit: number): KeyRecord[] {
  if (query.length > MAX_QUERY_LENGTH) throw new KeywardError('INVALID_INPUT', `A search is at most ${MAX_QUERY_LENGTH} characters.`)
  const parsed = parseKeyQuery(query)
  const filtered = parsed.provider !== null || parsed.environment !== null || parsed.tags.length > 0 || parsed.states.length > 0
  if (!filtered) return searchKeys(session, parsed.words.join(' '), limit)
  const candidates =
    parsed.words.length > 0
      ? searchKeys(session, parsed.words.join(' '), 10_000)
      : listKeys(session, { provider: parsed.provider ?? undefined, environment: parsed.environment ?? undefined })
  const now = session.clock.now()
  const window = remindBeforeDefault(session)
  return candidates
    .filter((key) => (parsed.provider === null || key.provider === parsed.provider) && (parsed.environment === null || key.environment === parsed.environment))
    .filter((key) => parsed.tags.every((tag) => key.tags.some((own) => own.toLowerCase() === tag)))
    .filter((key) => parsed.states.length === 0 || parsed.states.every((state) => matchesState(key, state, reminderFor(key, now, window))))
    .slice(0, limit)
}
