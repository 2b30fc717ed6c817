/** A key's metadata as every surface shows it (CLI --json, the app). Never the value. */
export interface KeyRecord {
  readonly id: string
  /** `provider/name`: how the CLI refers to a key. */
  readonly ref: string
  readonly provider: string
  readonly name: string
  readonly envVar: string | null
  readonly environment: string
  /** `expired` is derived from expiresAt on every read, never stored. */
  readonly status: 'active' | 'revoked' | 'expired'
  readonly expiresAt: string | null
  readonly rotateEveryDays: number | null
  readonly remindBeforeDays: number | null
  readonly rotatedAt: string | null
  readonly createdAt: string
  readonly updatedAt: string
  readonly lastVerifiedAt: string | null
  readonly lastVerifyResult: string | null
  readonly lastUsedAt: string | null
  readonly usageCount: number | null
  readonly tags: readonly string[]
  readonly notes: string
  /** Last four characters of the value, or '' for short values. */
  readonly hint: string
  readonly metadata: Readonly<Record<string, unknown>>
}

/**
 * A KeyRecord built by SQLite as JSON, with `status` derived from `@today` (YYYY-MM-DD; a key expires at the end
 * of its expiry day). One JSON string per row parses about twice as fast as better-sqlite3 building a 21-property
 * object, which is what keeps listing 10k keys near the 20 ms target.
 */
export const KEY_RECORD_JSON = `json_object(
  'id', keys.id, 'ref', keys.provider || '/' || keys.name, 'provider', keys.provider, 'name', keys.name,
  'envVar', keys.env_var, 'environment', keys.environment,
  'status', CASE WHEN keys.status = 'active' AND keys.expires_at IS NOT NULL AND keys.expires_at < @today THEN 'expired' ELSE keys.status END,
  'expiresAt', keys.expires_at, 'rotateEveryDays', keys.rotate_every_days, 'remindBeforeDays', keys.remind_before_days,
  'rotatedAt', keys.rotated_at, 'createdAt', keys.created_at, 'updatedAt', keys.updated_at,
  'lastVerifiedAt', keys.last_verified_at, 'lastVerifyResult', keys.last_verify_result,
  'lastUsedAt', keys.last_used_at, 'usageCount', keys.usage_count,
  'tags', json(keys.tags), 'notes', keys.notes, 'hint', keys.hint, 'metadata', json(keys.metadata))`

/**
 * The keys a `FROM keys …` clause selects, as one JSON array built by SQLite, in no particular order (sorting in
 * SQL before the aggregate costs more than sorting the parsed array).
 */
export function keyRecordsQuery(from: string): string {
  return `SELECT json_group_array(${KEY_RECORD_JSON}) ${from}`
}

/** Provider, then name: the order every list shows. */
export function byProviderAndName(a: KeyRecord, b: KeyRecord): number {
  if (a.provider !== b.provider) return a.provider < b.provider ? -1 : 1
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0
}
