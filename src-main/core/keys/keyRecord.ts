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

export interface KeyRow {
  id: string
  provider: string
  name: string
  env_var: string | null
  environment: string
  status: 'active' | 'revoked'
  expires_at: string | null
  rotate_every_days: number | null
  remind_before_days: number | null
  rotated_at: string | null
  created_at: string
  updated_at: string
  last_verified_at: string | null
  last_verify_result: string | null
  last_used_at: string | null
  usage_count: number | null
  tags: string
  notes: string
  hint: string
  metadata: string
}

export const KEY_COLUMNS = `id, provider, name, env_var, environment, status, expires_at, rotate_every_days,
  remind_before_days, rotated_at, created_at, updated_at, last_verified_at, last_verify_result, last_used_at,
  usage_count, tags, notes, hint, metadata`

/** `today` is YYYY-MM-DD: a key expires at the end of its expiry day. */
export function toKeyRecord(row: KeyRow, today: string): KeyRecord {
  const expired = row.status === 'active' && row.expires_at !== null && row.expires_at < today
  return {
    id: row.id,
    ref: `${row.provider}/${row.name}`,
    provider: row.provider,
    name: row.name,
    envVar: row.env_var,
    environment: row.environment,
    status: expired ? 'expired' : row.status,
    expiresAt: row.expires_at,
    rotateEveryDays: row.rotate_every_days,
    remindBeforeDays: row.remind_before_days,
    rotatedAt: row.rotated_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastVerifiedAt: row.last_verified_at,
    lastVerifyResult: row.last_verify_result,
    lastUsedAt: row.last_used_at,
    usageCount: row.usage_count,
    tags: JSON.parse(row.tags) as string[],
    notes: row.notes,
    hint: row.hint,
    metadata: JSON.parse(row.metadata) as Record<string, unknown>,
  }
}
