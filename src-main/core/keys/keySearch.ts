import type { VaultSession } from '../vault/VaultSession'
import { byProviderAndName, keyRecordsQuery, type KeyRecord } from './keyRecord'
import { readKeys } from './keyRepository'

const SEARCHED = ['name', 'provider', 'env_var', 'environment', 'tags', 'notes'] as const

/** An FTS5 string literal: each word is one phrase, so operators and quotes in it are just text. */
function phrase(term: string): string {
  return `"${term.replace(/"/g, '""')}"`
}

function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (char) => `\\${char}`)}%`
}

/**
 * Finds keys whose name, provider, env var, environment, tags or notes contain every word of the query (any case).
 * Keys whose *name* matches come first. Words of three or more characters go through the trigram index, which
 * is read in index order and stopped at `limit`, so a common word costs no more than a rare one; shorter words
 * filter with LIKE. A search writes nothing (no audit row): it runs on every keystroke in the app.
 */
export function searchKeys(session: VaultSession, query: string, limit = 50): KeyRecord[] {
  const words = query.trim().split(/\s+/).filter((word) => word.length > 0)
  const indexed = words.filter((word) => [...word].length >= 3).map(phrase)
  const short = words.filter((word) => [...word].length < 3)
  const params: Record<string, unknown> = { limit }
  short.forEach((word, i) => (params[`short${i}`] = likePattern(word)))
  const shortConditions = short.map((_, i) => `(${SEARCHED.map((column) => `keys.${column} LIKE @short${i} ESCAPE '\\'`).join(' OR ')})`)

  const tier = (match: string | null, exclude: readonly string[]): KeyRecord[] => {
    const conditions = [...shortConditions]
    if (match !== null) conditions.push('keys.rowid IN (SELECT rowid FROM keys_search WHERE keys_search MATCH @match)')
    if (exclude.length > 0) conditions.push(`keys.id NOT IN (SELECT value FROM json_each(@exclude))`)
    const where = conditions.length > 0 ? conditions.join(' AND ') : '1'
    const query = keyRecordsQuery(`FROM (SELECT * FROM keys WHERE ${where} LIMIT @limit) AS keys`)
    return readKeys(session, query, { ...params, match, exclude: JSON.stringify(exclude) }).sort(byProviderAndName)
  }

  let found: KeyRecord[]
  if (indexed.length === 0) {
    found = words.length === 0 ? [] : tier(null, [])
  } else {
    const inName = tier(`name : (${indexed.join(' AND ')})`, [])
    const elsewhere = inName.length < limit ? tier(indexed.join(' AND '), inName.map((key) => key.id)) : []
    found = [...inName, ...elsewhere].slice(0, limit)
  }
  return found
}
