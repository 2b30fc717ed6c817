import { recordEvent } from '../vault/audit'
import type { VaultSession } from '../vault/VaultSession'
import { KEY_COLUMNS, toKeyRecord, type KeyRecord, type KeyRow } from './keyRecord'
import { today } from './keyRepository'

const SEARCHED = ['name', 'provider', 'env_var', 'environment', 'tags', 'notes'] as const

/** An FTS5 string literal: the whole query is one phrase, so operators and quotes in it are just text. */
function phrase(term: string): string {
  return `"${term.replace(/"/g, '""')}"`
}

function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (char) => `\\${char}`)}%`
}

/**
 * Finds keys whose name, provider, env var, environment, tags or notes contain every word of the query (any case),
 * best matches first. Words of three or more characters use the trigram index; shorter ones a LIKE scan.
 */
export function searchKeys(session: VaultSession, query: string, limit = 50): KeyRecord[] {
  const words = query.trim().split(/\s+/).filter((word) => word.length > 0)
  const indexed = words.filter((word) => [...word].length >= 3)
  const short = words.filter((word) => [...word].length < 3)
  const conditions: string[] = []
  const params: unknown[] = []
  if (indexed.length > 0) {
    conditions.push('keys.rowid IN (SELECT rowid FROM keys_search WHERE keys_search MATCH ?)')
    params.push(indexed.map(phrase).join(' AND '))
  }
  for (const word of short) {
    conditions.push(`(${SEARCHED.map((column) => `keys.${column} LIKE ? ESCAPE '\\'`).join(' OR ')})`)
    params.push(...SEARCHED.map(() => likePattern(word)))
  }
  const where = conditions.length > 0 ? conditions.join(' AND ') : '1'
  const rows = session.db
    .prepare(`SELECT ${KEY_COLUMNS} FROM keys WHERE ${where} ORDER BY (keys.name LIKE ? ESCAPE '\\') DESC, provider, name LIMIT ?`)
    .all(...params, likePattern(words[0] ?? ''), limit) as KeyRow[]
  recordEvent(session, 'searched', {}, { results: rows.length })
  const date = today(session)
  return rows.map((row) => toKeyRecord(row, date))
}
