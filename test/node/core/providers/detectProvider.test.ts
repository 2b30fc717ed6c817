import { describe, expect, it } from 'vitest'
import { builtinProviders, findProvider } from '../../../../src-main/core/providers/builtinProviders'
import { detectProvider, fitsFormat } from '../../../../src-main/core/providers/detectProvider'
import { baseUrlFor, baseUrlVariable } from '../../../../src-main/core/providers/providerDefinition'

const alnum = (length: number, alphabet = 'aB3dE5fG7hJ9kLmN0pQrStUvWxYz12') =>
  Array.from({ length }, (_, i) => alphabet[i % alphabet.length]).join('')
const digits = (length: number) => Array.from({ length }, (_, i) => String((i * 3 + 1) % 10)).join('')
const hex = (length: number) => Array.from({ length }, (_, i) => '0123456789abcdef'[(i * 7) % 16]).join('')

/** Synthetic keys in each documented format (never real keys). */
const samples: Record<string, string[]> = {
  aisoule: [`ak_live_${alnum(32)}`],
  'solenoid-meter': [`sm_${alnum(40)}`],
  // Letters beyond hex: 96 hex digits is a SHA-384 digest's shape, never guessed (notDetected).
  'elastic-email': [alnum(96, 'QRSTUVWXYZ0123456789ABCDEFGHJK')],
  openai: [
    `sk-proj-${alnum(74)}T3BlbkFJ${alnum(74)}`,
    `sk-svcacct-${alnum(58)}T3BlbkFJ${alnum(58)}`,
    `sk-admin-${alnum(58)}T3BlbkFJ${alnum(58)}`,
    `sk-${alnum(20)}T3BlbkFJ${alnum(20)}`,
  ],
  anthropic: [`sk-ant-api03-${alnum(93)}AA`, `sk-ant-admin01-${alnum(93)}AA`],
  stripe: [`sk_live_${alnum(24)}`, `sk_test_${alnum(24)}`, `rk_live_${alnum(24)}`],
  github: [
    `ghp_${alnum(36)}`,
    `gho_${alnum(36)}`,
    `ghr_${alnum(76)}`,
    `ghs_${alnum(36)}`,
    `ghs_123456_eyJ${alnum(30)}.eyJ${alnum(200)}.${alnum(86)}`,
    `github_pat_${alnum(22)}_${alnum(59)}`,
  ],
  gitlab: [`glpat-${alnum(20)}`, `glpat-${alnum(38)}.01.${hex(9)}`, `glpat-${alnum(27)}.${hex(9)}`],
  aws: ['AKIA2E0A8F3B244C9986', 'ASIA0123456789ABCDEF'],
  slack: [
    `xoxb-${digits(12)}-${digits(13)}-${alnum(24)}`,
    `xoxp-${digits(12)}-${digits(12)}-${digits(12)}-${hex(32)}`,
    `xapp-1-A0${digits(9)}-${digits(13)}-${hex(64)}`,
  ],
  sendgrid: [`SG.${alnum(22)}.${alnum(43)}`],
  google: [`AIza${alnum(35)}`],
  npm: [`npm_${alnum(36)}`],
  huggingface: [`hf_${alnum(34)}`],
  digitalocean: [`dop_v1_${hex(64)}`],
  doppler: [
    `dp.pt.${alnum(43)}`,
    `dp.ct.${alnum(43)}`,
    `dp.st.dev.${alnum(43)}`,
    `dp.st.${alnum(44)}`,
    `dp.sa.${alnum(40)}`,
  ],
  linear: [`lin_api_${alnum(40)}`],
  perplexity: [`pplx-${alnum(48)}`],
  twilio: [`SK${hex(32)}`],
}

describe('detectProvider', () => {
  for (const [id, values] of Object.entries(samples)) {
    it(`recognises ${id} keys, and no other provider claims them`, () => {
      for (const value of values) {
        expect(detectProvider(value)).toBe(id)
        expect(
          builtinProviders.filter((provider) => provider.keyPattern?.test(value)).map((provider) => provider.id),
        ).toEqual([id])
      }
    })
  }

  it('ignores surrounding whitespace (a pasted line) but not damage inside the key', () => {
    expect(detectProvider(`  sm_${alnum(40)}\n`)).toBe('solenoid-meter')
    expect(detectProvider(`sm_${alnum(20)} ${alnum(20)}`)).toBe('unknown')
  })

  it.each([
    '',
    'hunter2',
    'sk-',
    'sk_live_',
    `ak_test_${alnum(20)}`,
    alnum(95),
    'AKIA123',
    hex(96),
    'AKIAIOSFODNN7EXAMPLE',
    `ghp_${'x'.repeat(36)}`,
    // Issue 20: documentation's own examples and filler bodies after a real prefix.
    'sm_your_api_key_here',
    'sm_old_key_here',
    'sm_new_key_here',
    `sk_test_${'0'.repeat(24)}`,
    `ghp_${'0'.repeat(36)}`,
    `sm_${'a'.repeat(12)}`,
    `sk_live_your_key_${alnum(12)}`,
    'ak_live_insert_key_here',
    // An OpenAI-looking prefix without the T3BlbkFJ marker every OpenAI key carries.
    `sk-proj-${alnum(48)}`,
    `sk-admin-${alnum(60)}`,
    // A SHA-384 digest in either case; another vendor's key in AIsoule's prefix (Pagar.me: ak_live_ + 30).
    hex(96).toUpperCase(),
    `ak_live_${alnum(30)}`,
  ])('says unknown for %j', (value) => {
    expect(detectProvider(value)).toBe('unknown')
  })

  it('never guesses Solo or Mailosaur, whose formats are undocumented', () => {
    expect(findProvider('solo')?.keyPattern).toBeNull()
    expect(findProvider('mailosaur')?.keyPattern).toBeNull()
    const solo = findProvider('solo')
    expect(solo !== undefined && fitsFormat(solo, 'anything at all')).toBe(true)
  })
})

describe('base URLs', () => {
  it('are overridden by KEYWARD_<ID>_BASE_URL with - turned into _', () => {
    const meter = findProvider('solenoid-meter')
    if (meter === undefined) throw new Error('missing')
    expect(baseUrlVariable('solenoid-meter')).toBe('KEYWARD_SOLENOID_METER_BASE_URL')
    expect(baseUrlFor(meter, {})).toBe('https://api.solenoid.systems/v1')
    expect(baseUrlFor(meter, { KEYWARD_SOLENOID_METER_BASE_URL: 'http://127.0.0.1:4010/v1/' })).toBe(
      'http://127.0.0.1:4010/v1',
    )
  })

  it('has every id of issue 4', () => {
    const ids = builtinProviders.map((provider) => provider.id)
    expect(ids).toEqual(
      expect.arrayContaining([
        'solo',
        'mailosaur',
        'aisoule',
        'solenoid-meter',
        'elastic-email',
        ...Object.keys(samples),
      ]),
    )
    expect(new Set(ids).size).toBe(ids.length)
  })
})
