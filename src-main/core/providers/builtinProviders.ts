import type { AuthScheme, ProviderDefinition } from './providerDefinition'

const detectionOnly = { dashboardUrl: null, docsUrl: null, baseUrl: null, auth: null, rotationDays: null, rateLimit: null, advice: [] }
const storeOnly = { verify: 'none', rotate: 'none', revoke: 'none', sync: 'none' } as const

/**
 * The five providers Keyward was specified from, with what their documentation says (issue 4). Dashboard and docs
 * links point at each site's root until the exact pages are confirmed.
 */
export const specifiedProviders: readonly ProviderDefinition[] = [
  {
    id: 'solo',
    name: 'Solo (solomail.io)',
    dashboardUrl: 'https://solomail.io/',
    docsUrl: 'https://solomail.io/',
    baseUrl: 'https://solomail.io/api/v1',
    auth: { kind: 'bearer' },
    // Solo documents no key format: it is never guessed from a pasted value.
    keyPattern: null,
    keyFormat: null,
    envVar: 'SOLO_API_KEY',
    rotationDays: null,
    rateLimit: 'per plan per day: Free 100, Solopreneur 1,000, Small Business 10,000, Enterprise unlimited',
    capabilities: { verify: 'api', rotate: 'guided', revoke: 'guided', sync: 'api' },
    advice: ['Revoked Solo keys cannot be recovered.', 'Record the plan: it sets the daily request limit.'],
  },
  {
    id: 'mailosaur',
    name: 'Mailosaur',
    dashboardUrl: 'https://mailosaur.com/app',
    docsUrl: 'https://mailosaur.com/docs/',
    baseUrl: 'https://mailosaur.com/api',
    auth: { kind: 'basic-key-as-user' },
    keyPattern: null,
    keyFormat: null,
    envVar: 'MAILOSAUR_API_KEY',
    rotationDays: null,
    rateLimit: null,
    capabilities: { verify: 'api', rotate: 'guided', revoke: 'guided', sync: 'api' },
    advice: [
      'Keys never expire and cannot be renamed or deleted through the API: rotate and delete them in the dashboard.',
      'A server-restricted key works for one inbox ("server") only and cannot create or delete inboxes.',
    ],
  },
  {
    id: 'aisoule',
    name: 'AIsoule',
    dashboardUrl: 'https://app.aisoule.com/',
    docsUrl: 'https://app.aisoule.com/',
    baseUrl: 'https://app.aisoule.com/api',
    auth: { kind: 'header', header: 'X-API-Key' },
    keyPattern: /^ak_live_[A-Za-z0-9_-]{8,}$/,
    keyFormat: 'ak_live_…',
    envVar: 'AISOULE_API_KEY',
    rotationDays: 90,
    rateLimit: '100 requests a minute per key, bursts of 10 a second',
    capabilities: { verify: 'api', rotate: 'guided', revoke: 'guided', sync: 'none' },
    advice: ['Rotate every 90 days: create new → update integrations → verify → revoke old.'],
  },
  {
    id: 'solenoid-meter',
    name: 'Solenoid Meter',
    dashboardUrl: 'https://solenoid.systems/',
    docsUrl: 'https://solenoid.systems/',
    baseUrl: 'https://api.solenoid.systems/v1',
    auth: { kind: 'bearer' },
    keyPattern: /^sm_[A-Za-z0-9_-]{8,}$/,
    keyFormat: 'sm_…',
    envVar: 'SOLENOID_METER_API_KEY',
    rotationDays: 90,
    rateLimit: 'free tier: 10 requests a second',
    capabilities: { verify: 'api', rotate: 'api', revoke: 'none', sync: 'none' },
    advice: ['Use one key per environment and rotate quarterly.', 'Rotation invalidates the old key at once.'],
  },
  {
    id: 'elastic-email',
    name: 'Elastic Email',
    dashboardUrl: 'https://app.elasticemail.com/',
    docsUrl: 'https://elasticemail.com/developers/',
    baseUrl: 'https://api.elasticemail.com/v4',
    auth: { kind: 'header', header: 'X-ElasticEmail-ApiKey' },
    // 96 letters and digits (the dashboard's keys; no public regex). 96 lower-case hex digits is a SHA-384 or
    // `openssl rand -hex 48`, far likelier than a key: not claimed.
    keyPattern: /^(?![0-9a-f]{96}$)[A-Za-z0-9]{96}$/,
    keyFormat: '96 letters and digits',
    envVar: 'ELASTICEMAIL_API_KEY',
    rotationDays: null,
    rateLimit: '20 concurrent requests per IP; at most 15 keys per account',
    capabilities: { verify: 'api', rotate: 'api', revoke: 'api', sync: 'api' },
    advice: ['The dashboard shows a key once, then only its last 5 characters.'],
  },
]

interface Check {
  readonly baseUrl: string
  readonly auth: AuthScheme
  /** A documented, cheap, read-only endpoint that needs a valid key. */
  readonly path: string
}

type WellKnown = readonly [id: string, name: string, pattern: RegExp, format: string, envVar: string, check?: Check]

const bearer = { kind: 'bearer' } as const

/**
 * Well-known formats Keyward recognises on paste and import. Where the provider documents a cheap authenticated
 * read, Keyward verifies through it; the others (Slack answers 200 to bad tokens, AWS needs SigV4, Twilio an
 * account SID, Anthropic a version header, Linear GraphQL …) store metadata only.
 */
const wellKnown: readonly WellKnown[] = [
  ['anthropic', 'Anthropic', /^sk-ant-(?:api03|admin01)-[A-Za-z0-9_-]{93}AA$/, 'sk-ant-api03-… (108 characters, ending AA)', 'ANTHROPIC_API_KEY'],
  ['openai', 'OpenAI', /^sk-(?:(?:proj|svcacct|admin)-[A-Za-z0-9_-]{20,}|[A-Za-z0-9_-]*T3BlbkFJ[A-Za-z0-9_-]*)$/, 'sk-proj-…, sk-svcacct-…, sk-…T3BlbkFJ…', 'OPENAI_API_KEY', { baseUrl: 'https://api.openai.com/v1', auth: bearer, path: '/models' }],
  ['stripe', 'Stripe', /^(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{10,}$/, 'sk_live_…, sk_test_…, rk_live_…', 'STRIPE_SECRET_KEY', { baseUrl: 'https://api.stripe.com/v1', auth: bearer, path: '/balance' }],
  ['github', 'GitHub', /^(?:(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{22,})$/, 'ghp_…, gho_…, github_pat_…', 'GITHUB_TOKEN', { baseUrl: 'https://api.github.com', auth: bearer, path: '/user' }],
  ['gitlab', 'GitLab', /^glpat-[A-Za-z0-9_-]{20,300}(?:\.(?:[0-9a-z]{2}\.)?[0-9a-z]{9})?$/, 'glpat-… (also glpat-….01.…)', 'GITLAB_TOKEN', { baseUrl: 'https://gitlab.com/api/v4', auth: { kind: 'header', header: 'PRIVATE-TOKEN' }, path: '/personal_access_tokens/self' }],
  ['aws', 'AWS', /^(?:AKIA|ASIA)[A-Z0-9]{16}$/, 'AKIA/ASIA + 16', 'AWS_ACCESS_KEY_ID'],
  ['slack', 'Slack', /^(?:xox[bp]-\d{10,13}-\d{10,13}[A-Za-z0-9-]*|xoxb-\d{8,14}-[A-Za-z0-9]{18,26}|xapp-\d-[A-Z0-9]+-\d+-[a-z0-9]+)$/, 'xoxb-…, xoxp-…, xapp-…', 'SLACK_TOKEN'],
  ['sendgrid', 'SendGrid', /^SG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}$/, 'SG.x.y', 'SENDGRID_API_KEY', { baseUrl: 'https://api.sendgrid.com/v3', auth: bearer, path: '/scopes' }],
  ['google', 'Google', /^AIza[0-9A-Za-z_-]{35}$/, 'AIza + 35', 'GOOGLE_API_KEY'],
  ['npm', 'npm', /^npm_[A-Za-z0-9]{36}$/, 'npm_ + 36', 'NPM_TOKEN', { baseUrl: 'https://registry.npmjs.org', auth: bearer, path: '/-/whoami' }],
  ['huggingface', 'Hugging Face', /^hf_[A-Za-z0-9]{34}$/, 'hf_ + 34', 'HF_TOKEN', { baseUrl: 'https://huggingface.co/api', auth: bearer, path: '/whoami-v2' }],
  ['digitalocean', 'DigitalOcean', /^dop_v1_[a-f0-9]{64}$/, 'dop_v1_…', 'DIGITALOCEAN_TOKEN', { baseUrl: 'https://api.digitalocean.com/v2', auth: bearer, path: '/account' }],
  ['doppler', 'Doppler', /^dp\.pt\.[A-Za-z0-9]{40,}$/, 'dp.pt.…', 'DOPPLER_TOKEN', { baseUrl: 'https://api.doppler.com/v3', auth: bearer, path: '/me' }],
  ['linear', 'Linear', /^lin_api_[A-Za-z0-9]{40}$/, 'lin_api_…', 'LINEAR_API_KEY'],
  ['perplexity', 'Perplexity', /^pplx-[A-Za-z0-9]{40,}$/, 'pplx-…', 'PERPLEXITY_API_KEY'],
  ['twilio', 'Twilio', /^SK[0-9a-fA-F]{32}$/, 'SK + 32 hex', 'TWILIO_API_KEY'],
]

export const wellKnownProviders: readonly ProviderDefinition[] = wellKnown.map(([id, name, keyPattern, keyFormat, envVar, check]) => ({
  ...detectionOnly,
  id,
  name,
  keyPattern,
  keyFormat,
  envVar,
  baseUrl: check?.baseUrl ?? null,
  auth: check?.auth ?? null,
  capabilities: check === undefined ? storeOnly : { ...storeOnly, verify: 'api' },
}))

/** The check path of a well-known provider that has one. */
export function wellKnownCheckPath(id: string): string | undefined {
  return wellKnown.find((entry) => entry[0] === id)?.[5]?.path
}

export const builtinProviders: readonly ProviderDefinition[] = [...specifiedProviders, ...wellKnownProviders]

export function findProvider(id: string): ProviderDefinition | undefined {
  return builtinProviders.find((provider) => provider.id === id)
}
