// A detection set of Keyward's own, built from what the providers and the secret scanners DOCUMENT — not from the
// patterns in wellKnownProviders.ts — so a pattern wrong the same way as this generator would be visible:
// positives are drawn (seeded, reproducible) from each provider's documented format, negatives from other vendors'
// documented formats, digests, ids and documentation placeholders. Recall and false positives are measured over the
// whole set (issue 20: recall ≥ 99.5 %, false positives ≤ 0.5 %).
import { describe, expect, it } from 'vitest'
import { detectProvider } from '../../../../src-main/core/providers/detectProvider'

/** mulberry32: a small seeded generator, so every run draws the same set. */
function seeded(seed: number): () => number {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const random = seeded(20)
const LOWER = 'abcdefghijklmnopqrstuvwxyz'
const UPPER = LOWER.toUpperCase()
const DIGITS = '0123456789'
const ALNUM = `${LOWER}${UPPER}${DIGITS}`
const URLSAFE = `${ALNUM}_-`
const HEX = '0123456789abcdef'

const draw = (alphabet: string, length: number) =>
  Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('')
const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1))
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T

interface Format {
  readonly provider: string
  /** Where the format is documented. */
  readonly source: string
  readonly make: () => string
}

const positives: readonly Format[] = [
  {
    provider: 'anthropic',
    source: 'docs.anthropic.com API keys (sk-ant-api03-…, admin sk-ant-admin01-…); gitleaks rules/anthropic.go',
    make: () => `${pick(['sk-ant-api03-', 'sk-ant-admin01-'])}${draw(URLSAFE, 93)}AA`,
  },
  {
    provider: 'openai',
    source: 'platform.openai.com authentication (project, service account, admin keys); gitleaks rules/openai.go',
    make: () => {
      const half = pick([58, 74])
      return `${pick(['sk-proj-', 'sk-svcacct-', 'sk-admin-'])}${draw(URLSAFE, half)}T3BlbkFJ${draw(URLSAFE, half)}`
    },
  },
  {
    provider: 'openai',
    source: 'legacy user keys: sk- + 20 + T3BlbkFJ + 20 (TruffleHog pkg/detectors/openai)',
    make: () => `sk-${draw(ALNUM, 20)}T3BlbkFJ${draw(ALNUM, 20)}`,
  },
  {
    provider: 'stripe',
    source: 'docs.stripe.com/keys: sk_/rk_ + live/test + random part',
    make: () => `${pick(['sk', 'rk'])}_${pick(['live', 'test'])}_${draw(ALNUM, pick([24, 99]))}`,
  },
  {
    provider: 'github',
    source: 'github.blog "Behind GitHub’s new authentication token formats": prefix + 36 base62 (30 + CRC32)',
    make: () => `${pick(['ghp', 'gho', 'ghu', 'ghs', 'ghr'])}_${draw(ALNUM, 36)}`,
  },
  {
    provider: 'github',
    source: 'docs.github.com "Generating an installation access token": ghs_APPID_JWT since 27 April 2026 (~520)',
    make: () => {
      const claims = draw(URLSAFE, between(300, 400))
      return `ghs_${between(10_000, 9_999_999)}_eyJ${draw(URLSAFE, 33)}.eyJ${claims}.${draw(URLSAFE, 86)}`
    },
  },
  {
    provider: 'github',
    source: 'github.blog fine-grained PATs: github_pat_ + 22 + _ + 59',
    make: () => `github_pat_${draw(ALNUM, 22)}_${draw(ALNUM, 59)}`,
  },
  {
    provider: 'gitlab',
    source: 'docs.gitlab.com token prefixes (glpat-), routable tokens glpat-….01.…',
    make: () => pick([`glpat-${draw(URLSAFE, 20)}`, `glpat-${draw(URLSAFE, 27)}.01.${draw(`${LOWER}${DIGITS}`, 9)}`]),
  },
  {
    provider: 'aws',
    source: 'docs.aws.amazon.com IAM identifiers: long-term access key ids AKIA + 16 (base32 A–Z 2–7)',
    make: () => `AKIA${draw(`${UPPER}234567`, 16)}`,
  },
  {
    provider: 'slack',
    source: 'api.slack.com/concepts/token-types (xoxb-, xoxp-); gitleaks rules/slack.go',
    make: () =>
      pick([
        `xoxb-${draw(DIGITS, 12)}-${draw(DIGITS, 13)}-${draw(ALNUM, 24)}`,
        `xoxp-${draw(DIGITS, 12)}-${draw(DIGITS, 12)}-${draw(DIGITS, 13)}-${draw(HEX, 32)}`,
      ]),
  },
  {
    provider: 'sendgrid',
    source: 'SendGrid API keys: SG. + 22 + . + 43 (gitleaks rules/sendgrid.go)',
    make: () => `SG.${draw(URLSAFE, 22)}.${draw(URLSAFE, 43)}`,
  },
  {
    provider: 'google',
    source: 'cloud.google.com API keys: AIza + 35 (gitleaks rules/gcp.go)',
    make: () => `AIza${draw(URLSAFE, 35)}`,
  },
  {
    provider: 'npm',
    source: 'github.blog npm granular tokens: npm_ + 36',
    make: () => `npm_${draw(ALNUM, 36)}`,
  },
  { provider: 'huggingface', source: 'huggingface.co/docs/hub/security-tokens', make: () => `hf_${draw(ALNUM, 34)}` },
  {
    provider: 'digitalocean',
    source: 'docs.digitalocean.com personal access tokens: dop_v1_ + 64 hex',
    make: () => `dop_v1_${draw(HEX, 64)}`,
  },
  {
    provider: 'doppler',
    source: 'docs.doppler.com/docs/Auth-token-formats (ct, pt, st[.config], sa, said, scim, audit + 40–44)',
    make: () => {
      const kind = pick(['ct', 'pt', 'sa', 'said', 'scim', 'audit', 'st'])
      const config = kind === 'st' && random() < 0.5 ? `${draw(`${LOWER}${DIGITS}`, between(2, 12))}.` : ''
      return `dp.${kind}.${config}${draw(ALNUM, between(40, 44))}`
    },
  },
  {
    provider: 'linear',
    source: 'linear.app developers: personal API keys lin_api_ + 40',
    make: () => `lin_api_${draw(ALNUM, 40)}`,
  },
  { provider: 'perplexity', source: 'docs.perplexity.ai: pplx- keys', make: () => `pplx-${draw(ALNUM, 48)}` },
  {
    provider: 'twilio',
    source: 'twilio.com/docs/iam/api-keys/key-resource-v1: sid ^SK[0-9a-fA-F]{32}$',
    make: () => `SK${draw(HEX, 32)}`,
  },
  {
    provider: 'solenoid-meter',
    source: 'Solenoid Meter help text: keys start sm_',
    make: () => `sm_${draw(ALNUM, between(24, 40))}`,
  },
  {
    provider: 'elastic-email',
    source: 'Elastic Email dashboard: 96 letters and digits (upper case)',
    make: () => draw(`${UPPER}${DIGITS}`, 96),
  },
]

const negatives: readonly Format[] = [
  { provider: 'unknown', source: 'RFC 9562 UUIDs', make: () => crypto.randomUUID() },
  {
    provider: 'unknown',
    source: 'MD5/SHA-1/SHA-256/SHA-384 digests in either case (sha384sum, openssl rand -hex 48)',
    make: () => {
      const digest = draw(HEX, pick([32, 40, 64, 96]))
      return random() < 0.5 ? digest : digest.toUpperCase()
    },
  },
  {
    provider: 'unknown',
    source: 'RFC 7519 JWTs (eyJ….eyJ….sig) with no provider prefix',
    make: () => `eyJ${draw(URLSAFE, 33)}.eyJ${draw(URLSAFE, 120)}.${draw(URLSAFE, 43)}`,
  },
  {
    provider: 'unknown',
    source: 'TruffleHog pkg/detectors/pagarme: ak_live_ + 30 letters and digits (not AIsoule)',
    make: () => `ak_live_${draw(ALNUM, 30)}`,
  },
  {
    provider: 'unknown',
    source: 'Twilio Account SIDs (AC + 32 hex: an id, not a key) and Mailgun key- + 32 hex',
    make: () => pick([`AC${draw(HEX, 32)}`, `key-${draw(HEX, 32)}`]),
  },
  {
    provider: 'unknown',
    source: 'Shopify shpat_/shpss_ + 32 hex, Postman PMAK- + 24 + 34, PyPI pypi-AgEIcHlwaS5vcmc…',
    make: () =>
      pick([
        `shpat_${draw(HEX, 32)}`,
        `PMAK-${draw(HEX, 24)}-${draw(HEX, 34)}`,
        `pypi-AgEIcHlwaS5vcmc${draw(URLSAFE, 70)}`,
      ]),
  },
  {
    provider: 'unknown',
    source: 'AWS STS temporary ids are AWS, but a secret access key alone (40 base64) is no detectable key',
    make: () => draw(`${ALNUM}/+`, 40),
  },
  {
    provider: 'unknown',
    source: 'placeholders from the providers’ own documentation (Solenoid Meter, Stripe, GitHub, AWS)',
    make: () =>
      pick([
        'sm_your_api_key_here',
        'sm_old_key_here',
        'sm_new_key_here',
        `sk_test_${'0'.repeat(24)}`,
        `ghp_${'0'.repeat(36)}`,
        'AKIAIOSFODNN7EXAMPLE',
        `sk-proj-${'x'.repeat(40)}`,
        'your-api-key-here',
        `dp.st.${'X'.repeat(43)}`,
        `SG.${'x'.repeat(22)}.${'x'.repeat(43)}`,
      ]),
  },
]

const PER_FORMAT = 400

function sample(formats: readonly Format[]) {
  return formats.flatMap((format) => Array.from({ length: PER_FORMAT }, () => ({ ...format, value: format.make() })))
}

describe('detection on a set built from the documented formats', () => {
  const yes = sample(positives)
  const no = sample(negatives)

  it(`finds ≥ 99.5 % of ${PER_FORMAT * positives.length} documented keys, each under its provider`, () => {
    const missed = yes.filter((entry) => detectProvider(entry.value) !== entry.provider)
    const recall = 1 - missed.length / yes.length
    expect(
      recall,
      missed
        .slice(0, 5)
        .map((entry) => `${entry.value} (${entry.source})`)
        .join('\n'),
    ).toBeGreaterThanOrEqual(0.995)
  })

  it(`claims ≤ 0.5 % of ${PER_FORMAT * negatives.length} look-alikes, digests, ids and placeholders`, () => {
    const claimed = no.filter((entry) => detectProvider(entry.value) !== 'unknown')
    const rate = claimed.length / no.length
    expect(
      rate,
      claimed
        .slice(0, 5)
        .map((entry) => `${entry.value} → ${detectProvider(entry.value)}`)
        .join('\n'),
    ).toBeLessThanOrEqual(0.005)
  })
})
