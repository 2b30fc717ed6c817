import { TWILIO_ACCOUNT_SID } from './adapters/twilio'
import type { Capability, ProviderDefinition } from './providerDefinition'

type Capabilities = ProviderDefinition['capabilities']

/** Verified by API, rotated and revoked in the dashboard (guided, the new key verified before it is stored). */
const verifyOnly: Capabilities = { verify: 'api', rotate: 'guided', revoke: 'guided', sync: 'none' }

function caps(verify: Capability, rotate: Capability, revoke: Capability): Capabilities {
  return { verify, rotate, revoke, sync: 'none' }
}

type WellKnown = Omit<ProviderDefinition, 'rotationDays' | 'rateLimit' | 'advice'> &
  Partial<Pick<ProviderDefinition, 'advice'>>

/**
 * Well-known formats Keyward recognises on paste and import (patterns checked against gitleaks' and TruffleHog's
 * corpus, detectionCorpus.test.ts), each with its documented check, rotation and revocation. Dashboard URLs are the
 * pages where the provider's keys are made and deleted; the README's provider table cites each API call's spec.
 */
const entries: readonly WellKnown[] = [
  {
    id: 'anthropic',
    name: 'Anthropic',
    envVar: 'ANTHROPIC_API_KEY',
    keyPattern: /^sk-ant-(?:api03|admin01)-[A-Za-z0-9_-]{93}AA$/,
    keyFormat: 'sk-ant-api03-… (108 characters, ending AA); admin keys sk-ant-admin01-…',
    // docs.anthropic.com/en/api/administration-api: Admin API keys start sk-ant-admin…
    variants: [
      { prefix: 'sk-ant-api03-', label: 'API key' },
      { prefix: 'sk-ant-admin01-', label: 'admin key' },
    ],
    baseUrl: 'https://api.anthropic.com/v1',
    auth: { kind: 'header', header: 'x-api-key' },
    dashboardUrl: 'https://console.anthropic.com/settings/keys',
    docsUrl: 'https://docs.anthropic.com/en/api/models-list',
    capabilities: verifyOnly,
  },
  {
    id: 'openai',
    name: 'OpenAI',
    envVar: 'OPENAI_API_KEY',
    // Every OpenAI secret key — legacy, project, service account and admin — carries `T3BlbkFJ` (base64 of
    // "OpenAI") between two random halves (gitleaks' openai rule, cmd/generate/config/rules/openai.go); a string
    // without it is not an OpenAI key, whatever its prefix.
    keyPattern: /^sk-(?:(?:proj|svcacct|admin)-)?[A-Za-z0-9_-]{16,}T3BlbkFJ[A-Za-z0-9_-]{16,}$/,
    keyFormat: 'sk-proj-…, sk-svcacct-…, sk-admin-…, sk-… (all with T3BlbkFJ inside)',
    // https://platform.openai.com/docs/api-reference/authentication: project, service account and admin keys.
    variants: [
      { prefix: 'sk-proj-', label: 'project key' },
      { prefix: 'sk-svcacct-', label: 'service account key' },
      { prefix: 'sk-admin-', label: 'admin key' },
    ],
    baseUrl: 'https://api.openai.com/v1',
    auth: { kind: 'bearer' },
    dashboardUrl: 'https://platform.openai.com/api-keys',
    docsUrl: 'https://platform.openai.com/docs/api-reference/models/list',
    capabilities: verifyOnly,
  },
  {
    id: 'stripe',
    name: 'Stripe',
    envVar: 'STRIPE_SECRET_KEY',
    keyPattern: /^(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{10,}$/,
    keyFormat: 'sk_live_…, sk_test_…, rk_live_…',
    // https://docs.stripe.com/keys: secret (sk_) and restricted (rk_) keys, each for live or test mode.
    variants: [
      { prefix: 'sk_live_', label: 'live secret key', environment: 'production' },
      { prefix: 'rk_live_', label: 'live restricted key', environment: 'production' },
      { prefix: 'sk_test_', label: 'test secret key', environment: 'development' },
      { prefix: 'rk_test_', label: 'test restricted key', environment: 'development' },
    ],
    baseUrl: 'https://api.stripe.com/v1',
    auth: { kind: 'bearer' },
    dashboardUrl: 'https://dashboard.stripe.com/apikeys',
    docsUrl: 'https://docs.stripe.com/api/balance/balance_retrieve',
    capabilities: verifyOnly,
    advice: [
      '"Roll key" in the dashboard can keep the old key working for a while: set that to "now" once every service has the new one.',
    ],
  },
  {
    id: 'github',
    name: 'GitHub',
    envVar: 'GITHUB_TOKEN',
    // Installation tokens minted since 27 April 2026 are `ghs_<APPID>_<JWT>` (~520 characters, two dots:
    // docs.github.com, "Generating an installation access token for a GitHub App", note on the stateless format).
    keyPattern: new RegExp(
      '^(?:(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{30,}' +
        '|ghs_\\d+_[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+' +
        '|github_pat_[A-Za-z0-9_]{22,})$',
    ),
    keyFormat: 'ghp_…, gho_…, ghu_…, ghs_… (also ghs_<app id>_<JWT>), ghr_…, github_pat_…',
    // https://github.blog/engineering/platform-security/behind-githubs-new-authentication-token-formats/
    variants: [
      { prefix: 'github_pat_', label: 'fine-grained personal access token' },
      { prefix: 'ghp_', label: 'personal access token (classic)' },
      { prefix: 'gho_', label: 'OAuth access token' },
      { prefix: 'ghu_', label: 'GitHub App user token' },
      { prefix: 'ghs_', label: 'GitHub App installation token' },
      { prefix: 'ghr_', label: 'refresh token' },
    ],
    baseUrl: 'https://api.github.com',
    auth: { kind: 'bearer' },
    dashboardUrl: 'https://github.com/settings/tokens',
    docsUrl: 'https://docs.github.com/en/rest/credentials/revoke',
    capabilities: caps('api', 'guided', 'api'),
  },
  {
    id: 'gitlab',
    name: 'GitLab',
    envVar: 'GITLAB_TOKEN',
    keyPattern: /^glpat-[A-Za-z0-9_-]{20,300}(?:\.(?:[0-9a-z]{2}\.)?[0-9a-z]{9})?$/,
    keyFormat: 'glpat-… (also glpat-….01.…)',
    baseUrl: 'https://gitlab.com/api/v4',
    auth: { kind: 'header', header: 'PRIVATE-TOKEN' },
    dashboardUrl: 'https://gitlab.com/-/user_settings/personal_access_tokens',
    docsUrl: 'https://docs.gitlab.com/api/personal_access_tokens/',
    capabilities: { verify: 'api', rotate: 'api', revoke: 'api', sync: 'api' },
    advice: ['Rotation needs the api or self_rotate scope; GitLab revokes the old token at once.'],
  },
  {
    id: 'aws',
    name: 'AWS',
    envVar: 'AWS_SECRET_ACCESS_KEY',
    keyPattern: /^(?:AKIA|ASIA)[A-Z0-9]{16}$/,
    keyFormat: 'secret access key (40 characters); access key id AKIA + 16',
    pair: {
      field: 'accessKeyId',
      label: 'access key id',
      idPattern: /^AKIA[A-Z0-9]{16}$/,
      // Temporary credentials (ASIA…, from STS) work only with their session token
      // (docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_use-resources.html) and expire within hours.
      refusedId: {
        pattern: /^ASIA[A-Z0-9]{16}$/,
        reason:
          'ASIA… is a temporary AWS key: it works only with its session token and expires within hours. ' +
          'Keyward keeps long-term access keys (AKIA…): store the key the temporary one was made from.',
      },
      secretPattern: /^[A-Za-z0-9/+]{40}$/,
      secretFormat: '40 letters, digits, / and +',
      idVariableSuffix: 'ACCESS_KEY_ID',
      secretVariableSuffix: 'SECRET_ACCESS_KEY',
    },
    baseUrl: 'https://sts.amazonaws.com',
    auth: { kind: 'aws-sigv4', service: 'sts', region: 'us-east-1' },
    dashboardUrl: 'https://console.aws.amazon.com/iam/home#/security_credentials',
    docsUrl: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html',
    capabilities: verifyOnly,
    advice: [
      'Create the new access key before deactivating the old one (IAM allows two per user); deactivate, then delete.',
    ],
  },
  {
    id: 'slack',
    name: 'Slack',
    envVar: 'SLACK_TOKEN',
    keyPattern:
      /^(?:xox[bp]-\d{10,13}-\d{10,13}[A-Za-z0-9-]*|xoxb-\d{8,14}-[A-Za-z0-9]{18,26}|xapp-\d-[A-Z0-9]+-\d+-[a-z0-9]+)$/,
    keyFormat: 'xoxb-…, xoxp-…, xapp-…',
    // https://api.slack.com/concepts/token-types
    variants: [
      { prefix: 'xoxb-', label: 'bot token' },
      { prefix: 'xoxp-', label: 'user token' },
      { prefix: 'xapp-', label: 'app-level token' },
    ],
    baseUrl: 'https://slack.com/api',
    auth: { kind: 'bearer' },
    dashboardUrl: 'https://api.slack.com/apps',
    docsUrl: 'https://api.slack.com/methods/auth.test',
    capabilities: caps('api', 'guided', 'api'),
  },
  {
    id: 'sendgrid',
    name: 'SendGrid',
    envVar: 'SENDGRID_API_KEY',
    keyPattern: /^SG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}$/,
    keyFormat: 'SG.x.y',
    baseUrl: 'https://api.sendgrid.com/v3',
    // The official OpenAPI's servers: api.sendgrid.com "for global users and subusers", api.eu.sendgrid.com "for EU
    // regional subusers" (twilio/sendgrid-oai spec/json/tsg_api_keys_v3.json). A key records `region: "eu"`.
    regions: { eu: 'https://api.eu.sendgrid.com/v3' },
    auth: { kind: 'bearer' },
    dashboardUrl: 'https://app.sendgrid.com/settings/api_keys',
    docsUrl: 'https://www.twilio.com/docs/sendgrid/api-reference/api-keys',
    capabilities: { verify: 'api', rotate: 'api', revoke: 'api', sync: 'api' },
    advice: [
      'Rotation by API needs a key with the api_keys scopes (a "Full Access" key); others rotate in the dashboard.',
    ],
  },
  {
    id: 'google',
    name: 'Google',
    envVar: 'GOOGLE_API_KEY',
    keyPattern: /^AIza[0-9A-Za-z_-]{35}$/,
    keyFormat: 'AIza + 35',
    baseUrl: 'https://generativelanguage.googleapis.com/v1',
    auth: { kind: 'header', header: 'x-goog-api-key' },
    dashboardUrl: 'https://console.cloud.google.com/apis/credentials',
    docsUrl: 'https://ai.google.dev/api/models#method:-models.list',
    capabilities: verifyOnly,
    advice: ['Restrict each key to the APIs and apps that use it (Credentials → the key → API restrictions).'],
  },
  {
    id: 'npm',
    name: 'npm',
    envVar: 'NPM_TOKEN',
    keyPattern: /^npm_[A-Za-z0-9]{36}$/,
    keyFormat: 'npm_ + 36',
    baseUrl: 'https://registry.npmjs.org',
    auth: { kind: 'bearer' },
    dashboardUrl: 'https://www.npmjs.com/settings/~/tokens',
    docsUrl: 'https://docs.npmjs.com/creating-and-viewing-access-tokens',
    capabilities: verifyOnly,
  },
  {
    id: 'huggingface',
    name: 'Hugging Face',
    envVar: 'HF_TOKEN',
    keyPattern: /^hf_[A-Za-z0-9]{34}$/,
    keyFormat: 'hf_ + 34',
    baseUrl: 'https://huggingface.co/api',
    auth: { kind: 'bearer' },
    dashboardUrl: 'https://huggingface.co/settings/tokens',
    docsUrl: 'https://huggingface.co/docs/hub/security-tokens',
    capabilities: verifyOnly,
  },
  {
    id: 'digitalocean',
    name: 'DigitalOcean',
    envVar: 'DIGITALOCEAN_TOKEN',
    keyPattern: /^dop_v1_[a-f0-9]{64}$/,
    keyFormat: 'dop_v1_…',
    baseUrl: 'https://api.digitalocean.com/v2',
    auth: { kind: 'bearer' },
    dashboardUrl: 'https://cloud.digitalocean.com/account/api/tokens',
    docsUrl: 'https://docs.digitalocean.com/reference/api/digitalocean/#tag/Account',
    capabilities: verifyOnly,
  },
  {
    id: 'doppler',
    name: 'Doppler',
    envVar: 'DOPPLER_TOKEN',
    // docs.doppler.com/docs/Auth-token-formats: CLI dp.ct., personal dp.pt., service dp.st.[<config>.], service
    // account dp.sa., service account identity dp.said. (short-lived), SCIM dp.scim., audit dp.audit. — then 40–44
    // letters and digits.
    keyPattern: /^dp\.(?:(?:ct|pt|sa|said|scim|audit)\.|st\.(?:[a-z0-9_-]{2,35}\.)?)[A-Za-z0-9]{40,44}$/,
    keyFormat: 'dp.pt.…, dp.ct.…, dp.st.…, dp.sa.…',
    variants: [
      { prefix: 'dp.pt.', label: 'personal token' },
      { prefix: 'dp.ct.', label: 'CLI token' },
      { prefix: 'dp.st.', label: 'service token' },
      { prefix: 'dp.sa.', label: 'service account token' },
      { prefix: 'dp.said.', label: 'service account identity token (short-lived)' },
      { prefix: 'dp.scim.', label: 'SCIM token' },
      { prefix: 'dp.audit.', label: 'audit token' },
    ],
    baseUrl: 'https://api.doppler.com/v3',
    auth: { kind: 'bearer' },
    dashboardUrl: 'https://dashboard.doppler.com/workplace/tokens',
    docsUrl: 'https://docs.doppler.com/reference/auth-revoke',
    capabilities: caps('api', 'guided', 'api'),
  },
  {
    id: 'linear',
    name: 'Linear',
    envVar: 'LINEAR_API_KEY',
    keyPattern: /^lin_api_[A-Za-z0-9]{40}$/,
    keyFormat: 'lin_api_…',
    // Personal API keys go in Authorization as they are, without "Bearer" (Linear's API docs, "Personal API keys").
    baseUrl: 'https://api.linear.app',
    auth: { kind: 'header', header: 'Authorization' },
    dashboardUrl: 'https://linear.app/settings/account/security',
    docsUrl: 'https://linear.app/developers/graphql',
    capabilities: verifyOnly,
  },
  {
    id: 'perplexity',
    name: 'Perplexity',
    envVar: 'PERPLEXITY_API_KEY',
    keyPattern: /^pplx-[A-Za-z0-9]{40,}$/,
    keyFormat: 'pplx-…',
    baseUrl: 'https://api.perplexity.ai',
    auth: { kind: 'bearer' },
    dashboardUrl: 'https://www.perplexity.ai/account/api/keys',
    docsUrl: 'https://docs.perplexity.ai/docs/admin/api-key-management',
    capabilities: caps('none', 'api', 'api'),
    advice: ['Keys belong to an API group created in the console; rotation creates the new key in the same group.'],
  },
  {
    id: 'twilio',
    name: 'Twilio',
    envVar: 'TWILIO_API_SECRET',
    keyPattern: /^SK[0-9a-fA-F]{32}$/,
    keyFormat: 'API key secret (32 characters); key SID SK + 32 hex',
    pair: {
      field: 'keySid',
      label: 'API key SID',
      idPattern: /^SK[0-9a-fA-F]{32}$/,
      secretPattern: /^[A-Za-z0-9]{32}$/,
      secretFormat: '32 letters and digits',
      idVariableSuffix: 'API_KEY',
      secretVariableSuffix: 'API_SECRET',
      companion: { field: 'accountSid', variableSuffix: 'ACCOUNT_SID', pattern: TWILIO_ACCOUNT_SID },
    },
    baseUrl: 'https://api.twilio.com/2010-04-01',
    auth: { kind: 'basic-pair' },
    dashboardUrl: 'https://console.twilio.com/us1/account/keys-credentials/api-keys',
    docsUrl: 'https://www.twilio.com/docs/iam/api-keys',
    capabilities: verifyOnly,
  },
]

export const wellKnownProviders: readonly ProviderDefinition[] = entries.map((entry) => ({
  rotationDays: null,
  rateLimit: null,
  advice: [],
  ...entry,
}))
