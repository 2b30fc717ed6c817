import type { KeyId } from '../../../src-main/core/keys/keyId'
import type { KeyRecord } from '../../../src-main/core/keys/keyRecord'

/** A key's metadata for the pure rules (reminderFor, keyStateOf): an active key with no dates, never verified. */
export function keyRecord(fields: Partial<KeyRecord>): KeyRecord {
  return {
    id: '00000000-0000-4000-8000-000000000000' as KeyId,
    ref: 'stripe/prod',
    provider: 'stripe',
    name: 'prod',
    envVar: null,
    environment: 'production',
    status: 'active',
    expiresAt: null,
    rotateEveryDays: null,
    remindBeforeDays: null,
    rotatedAt: null,
    createdAt: '2026-01-01T12:00:00.000Z',
    updatedAt: '2026-01-01T12:00:00.000Z',
    lastVerifiedAt: null,
    lastVerifyResult: null,
    lastUsedAt: null,
    usageCount: null,
    tags: [],
    notes: '',
    hint: '',
    metadata: {},
    ...fields,
  }
}
