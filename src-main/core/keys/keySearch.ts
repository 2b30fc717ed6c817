import { KeywardError } from '../errors'
import type { VaultSession } from '../vault/VaultSession'
import { byProviderAndName, type KeyRecord } from './keyRecord'
import { selectMatching } from './keyStore'

/** An FTS5 string literal: each word is one phrase, so operators and quotes in it are just text. */
function phrase(term: string): string {
  return `"${term.replace(/"/g, '""')}"`
}

export const MAX_QUERY_WORDS = 16
export const MAX_QUERY_LENGTH = 256

/**
 * Finds keys whose name, provider, env var, environment, tags or notes contain every word of the query (any case).
 * Keys whose *name* matches come first. Words of three or more characters go through the trigram index, which
 * is read in index order and stopped at `limit`, so a common word costs no more than a rare one; shorter words
 * filter with LIKE. A search writes nothing (no audit row): it runs on every keystroke in the app.
 */
export function searchKeys(session: VaultSession, query: string, limit = 50): KeyRecord[] {
  if (query.length > MAX_QUERY_LENGTH)
    throw new KeywardError('INVALID_INPUT', `A search is at most ${MAX_QUERY_LENGTH} characters.`)
  const words = query
    .trim()
    .split(/\s+/)
    .filter((word) => word.length > 0)
  if (words.length > MAX_QUERY_WORDS)
    throw new KeywardError('INVALID_INPUT', `A search is at most ${MAX_QUERY_WORDS} words.`)
  const indexed = words.filter((word) => [...word].length >= 3).map(phrase)
  const short = words.filter((word) => [...word].length < 3)
  const tier = (match: string | null, exclude: readonly string[]): KeyRecord[] =>
    selectMatching(session, short, match, exclude, limit).sort(byProviderAndName)

  let found: KeyRecord[]
  if (indexed.length === 0) {
    found = words.length === 0 ? [] : tier(null, [])
  } else {
    const inName = tier(`name : (${indexed.join(' AND ')})`, [])
    const elsewhere =
      inName.length < limit
        ? tier(
            indexed.join(' AND '),
            inName.map((key) => key.id),
          )
        : []
    found = [...inName, ...elsewhere].slice(0, limit)
  }
  return found
}
