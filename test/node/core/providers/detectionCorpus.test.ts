// Detection against ../shared/realworld/detection/corpus.json: 5,969 strings nobody here wrote — true and false
// positives from gitleaks' rules (cmd/generate/config/rules/*.go) and TruffleHog's detector tests
// (pkg/detectors/*/*_test.go), samples generated from their regexes, and other vendors' secrets.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { builtinProviders } from '../../../../src-main/core/providers/builtinProviders'
import { detectProvider } from '../../../../src-main/core/providers/detectProvider'
import { isPlaceholder } from '../../../../src-main/core/providers/placeholder'
import { needsRealworld, realworld } from '../../helpers/realworld'

interface Entry {
  readonly id: string
  readonly value: string
  /** A Keyward provider id, or '-' for another vendor. */
  readonly family: string
  readonly format: string | null
  readonly class: string
  /** The provider id a format detector must answer, 'unknown', or 'info': the family or 'unknown' are both right. */
  readonly expect: string
}

const corpus: readonly Entry[] =
  realworld === null ? [] : (JSON.parse(readFileSync(path.join(realworld, 'detection/corpus.json'), 'utf8')) as Entry[])

/**
 * Where Keyward now answers otherwise than the corpus, and why (issue 20). K01478 was generated from Keyward's own
 * earlier AIsoule pattern, not from any AIsoule key; it has the exact shape of a Pagar.me secret key (TruffleHog's
 * pagarme detector: `ak_live_` + 30 letters and digits), which detection leaves to the user.
 */
const DECIDED_OTHERWISE: Readonly<Record<string, string>> = { K01478: 'unknown' }

/** The answer the corpus expects, or the one issue 20 decided. */
function expected(entry: Entry): string {
  return DECIDED_OTHERWISE[entry.id] ?? entry.expect
}

/** Entries whose answer differs from the corpus's expectation, as "id format: value → answer". */
function misses(entries: readonly Entry[]): string[] {
  return entries.flatMap((entry) => {
    const answer = detectProvider(entry.value)
    const right = entry.expect === 'info' ? answer === entry.family || answer === 'unknown' : answer === expected(entry)
    return right ? [] : [`${entry.id} ${entry.format ?? entry.class}: ${entry.value.slice(0, 60)} → ${answer}`]
  })
}

describe.skipIf(realworld === null)(needsRealworld('the detection corpus (gitleaks, TruffleHog)'), () => {
  it('is all there', () => {
    expect(corpus).toHaveLength(5969)
    const ids = new Set(builtinProviders.map((provider) => provider.id))
    const families = new Set(corpus.map((entry) => entry.family).filter((family) => family !== '-'))
    expect([...families].filter((family) => !ids.has(family))).toEqual([])
  })

  it('every entry gets its expected answer', () => {
    expect(misses(corpus)).toEqual([])
  })

  it('claims every format Keyward documents (tp-claimed) and none of the structural false positives', () => {
    const claimed = corpus.filter((entry) => entry.class === 'tp-claimed')
    const falsePositives = corpus.filter((entry) => entry.class === 'fp-structural')
    expect(claimed.length).toBeGreaterThan(700)
    expect(falsePositives.length).toBeGreaterThan(80)
    expect(
      claimed.filter((entry) => detectProvider(entry.value) !== expected(entry)).map((entry) => entry.value),
    ).toEqual([])
    expect(
      falsePositives.filter((entry) => detectProvider(entry.value) !== 'unknown').map((entry) => entry.value),
    ).toEqual([])
  })

  it('never takes a placeholder in a key format for a key', () => {
    const placeholders = corpus.filter((entry) => isPlaceholder(entry.value) && entry.family !== '-')
    expect(placeholders.length).toBeGreaterThan(20)
    expect(
      placeholders.filter((entry) => detectProvider(entry.value) !== 'unknown').map((entry) => entry.value),
    ).toEqual([])
  })

  it('says which answers it gives where the corpus leaves the choice open', () => {
    const answer = (format: string) =>
      new Set(corpus.filter((entry) => entry.format === format).map((entry) => detectProvider(entry.value)))
    // Decisions: Slack app-level tokens are Slack's; a SHA-384 (96 lower-case hex) is not an Elastic Email key.
    expect(answer('xapp- (app-level)')).toEqual(new Set(['slack']))
    const sha384 = corpus.filter((entry) => /^[0-9a-f]{96}$/.test(entry.value))
    expect(sha384.length).toBeGreaterThan(10)
    expect(new Set(sha384.map((entry) => detectProvider(entry.value)))).toEqual(new Set(['unknown']))
  })
})
