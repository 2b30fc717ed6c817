import type { KeyId } from './keyId'

/** A key's metadata as every surface shows it (CLI --json, the app). Never the value. */
export interface KeyRecord {
  readonly id: KeyId
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

/** Each KeyRecord field and the SQL that yields it; `status` derives "expired" from `@today` (YYYY-MM-DD). */
const FIELDS = [
  ['id', 'keys.id'],
  ['ref', "keys.provider || '/' || keys.name"],
  ['provider', 'keys.provider'],
  ['name', 'keys.name'],
  ['envVar', 'keys.env_var'],
  ['environment', 'keys.environment'],
  [
    'status',
    "CASE WHEN keys.status = 'active' AND keys.expires_at IS NOT NULL AND keys.expires_at < @today THEN 'expired' ELSE keys.status END",
  ],
  ['expiresAt', 'keys.expires_at'],
  ['rotateEveryDays', 'keys.rotate_every_days'],
  ['remindBeforeDays', 'keys.remind_before_days'],
  ['rotatedAt', 'keys.rotated_at'],
  ['createdAt', 'keys.created_at'],
  ['updatedAt', 'keys.updated_at'],
  ['lastVerifiedAt', 'keys.last_verified_at'],
  ['lastVerifyResult', 'keys.last_verify_result'],
  ['lastUsedAt', 'keys.last_used_at'],
  ['usageCount', 'keys.usage_count'],
  ['tags', 'json(keys.tags)'],
  ['notes', 'keys.notes'],
  ['hint', 'keys.hint'],
  ['metadata', 'json(keys.metadata)'],
] as const satisfies readonly (readonly [keyof KeyRecord, string])[]

/**
 * One key as a JSON array built by SQLite. Rows come back as JSON text and are parsed once: better-sqlite3
 * building a 21-property object per row costs about twice as much, and listing 10k keys is measured (bench/).
 */
export const KEY_RECORD_SQL = `json_array(${FIELDS.map(([, sql]) => sql).join(', ')})`

/** The keys a `FROM keys …` clause selects, as one JSON array of KEY_RECORD_SQL arrays, in no particular order. */
export function keyRecordsQuery(from: string): string {
  return `SELECT json_group_array(${KEY_RECORD_SQL}) ${from}`
}

/** The field names in KEY_RECORD_SQL order (a test holds toKeyRecord to it). */
export const KEY_RECORD_FIELDS: readonly string[] = FIELDS.map(([field]) => field)

/**
 * A KEY_RECORD_SQL array as a KeyRecord. Written out as one object literal, in FIELDS order, so V8 gives all
 * records one shape: a generic loop of assignments is several times slower over 10k rows.
 */
export function toKeyRecord(values: readonly unknown[]): KeyRecord {
  const [
    id,
    ref,
    provider,
    name,
    envVar,
    environment,
    status,
    expiresAt,
    rotateEveryDays,
    remindBeforeDays,
    rotatedAt,
    createdAt,
    updatedAt,
    lastVerifiedAt,
    lastVerifyResult,
    lastUsedAt,
    usageCount,
    tags,
    notes,
    hint,
    metadata,
  ] = values
  return {
    id,
    ref,
    provider,
    name,
    envVar,
    environment,
    status,
    expiresAt,
    rotateEveryDays,
    remindBeforeDays,
    rotatedAt,
    createdAt,
    updatedAt,
    lastVerifiedAt,
    lastVerifyResult,
    lastUsedAt,
    usageCount,
    tags,
    notes,
    hint,
    metadata,
  } as KeyRecord
}

/** Provider, then name: the order every list shows. */
export function byProviderAndName(a: KeyRecord, b: KeyRecord): number {
  if (a.provider !== b.provider) return a.provider < b.provider ? -1 : 1
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0
}
