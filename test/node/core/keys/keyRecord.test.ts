import { describe, expect, it } from 'vitest'
import { KEY_RECORD_FIELDS, toKeyRecord } from '../../../../src-main/core/keys/keyRecord'

describe('toKeyRecord', () => {
  it('reads the values in the order KEY_RECORD_SQL selects them', () => {
    const record = toKeyRecord(KEY_RECORD_FIELDS.map((field) => `value of ${field}`))
    expect(Object.entries(record)).toEqual(KEY_RECORD_FIELDS.map((field) => [field, `value of ${field}`]))
  })
})
