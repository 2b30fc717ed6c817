import { describe, expect, it } from 'vitest'
import { chipLabel, joinQuery, splitQuery } from '../../src-renderer/src/lib/searchTokens'

describe('search chips', () => {
  it('makes a recognised filter a chip once complete, and keeps the one being typed as text', () => {
    expect(splitQuery('provider:stripe prod')).toEqual({ chips: ['provider:stripe'], text: 'prod' })
    expect(splitQuery('provider:str')).toEqual({ chips: [], text: 'provider:str' })
    expect(splitQuery('is:attention ')).toEqual({ chips: ['is:attention'], text: '' })
    expect(splitQuery('prod env:production billing')).toEqual({ chips: ['env:production'], text: 'prod billing' })
    expect(splitQuery('owner:me x')).toEqual({ chips: [], text: 'owner:me x' })
  })

  it('joins chips and text back into the query main runs, round trip', () => {
    for (const query of ['provider:stripe prod', 'is:attention ', 'tag:a tag:b ', 'words only'])
      expect(joinQuery(splitQuery(query).chips, splitQuery(query).text)).toBe(query)
    expect(chipLabel('environment:prod')).toEqual({ field: 'env', value: 'prod' })
  })
})
