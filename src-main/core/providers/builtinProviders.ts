import type { ProviderDefinition } from './providerDefinition'
import { wellKnownProviders } from './wellKnownProviders'

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
    // Pagar.me's secret keys have this prefix too, as exactly 30 letters and digits (TruffleHog's pagarme detector,
    // pkg/detectors/pagarme): that shape is left to the user.
    notDetected: /^ak_live_[A-Za-z0-9]{30}$/,
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
    // 96 letters and digits (the dashboard's keys; no public regex). 96 hex digits, in either case, is a SHA-384
    // digest or `openssl rand -hex 48` far likelier than a key: stored if the user says so, never guessed.
    keyPattern: /^[A-Za-z0-9]{96}$/,
    notDetected: /^(?:[0-9a-f]{96}|[0-9A-F]{96})$/,
    keyFormat: '96 letters and digits',
    envVar: 'ELASTICEMAIL_API_KEY',
    rotationDays: null,
    rateLimit: '20 concurrent requests per IP; at most 15 keys per account',
    capabilities: { verify: 'api', rotate: 'api', revoke: 'api', sync: 'api' },
    advice: ['The dashboard shows a key once, then only its last 5 characters.'],
  },
]

export const builtinProviders: readonly ProviderDefinition[] = [...specifiedProviders, ...wellKnownProviders]

export function findProvider(id: string): ProviderDefinition | undefined {
  return builtinProviders.find((provider) => provider.id === id)
}
