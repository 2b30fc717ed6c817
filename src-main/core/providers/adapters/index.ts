import { text, type ProviderAdapter } from './adapter'
import { aisouleAdapter } from './aisoule'
import { anthropicAdapter } from './anthropic'
import { awsAdapter } from './aws'
import { checkEndpoint } from './checkEndpoint'
import { dopplerAdapter } from './doppler'
import { elasticEmailAdapter } from './elasticEmail'
import { githubAdapter } from './github'
import { gitlabAdapter } from './gitlab'
import { googleAdapter } from './google'
import { linearAdapter } from './linear'
import { mailosaurAdapter } from './mailosaur'
import { openaiAdapter } from './openai'
import { perplexityAdapter } from './perplexity'
import { sendgridAdapter } from './sendgrid'
import { slackAdapter } from './slack'
import { soloAdapter } from './solo'
import { solenoidMeterAdapter } from './solenoidMeter'
import { twilioAdapter } from './twilio'

/** Key-API adapters by provider id. */
export const adapters: Readonly<Record<string, ProviderAdapter>> = {
  solo: soloAdapter,
  mailosaur: mailosaurAdapter,
  aisoule: aisouleAdapter,
  'solenoid-meter': solenoidMeterAdapter,
  'elastic-email': elasticEmailAdapter,
  anthropic: anthropicAdapter,
  openai: openaiAdapter,
  // Stripe API reference, "Retrieve balance"; a restricted key without Balance read answers 403.
  stripe: checkEndpoint({ name: 'Stripe', path: '/balance', restrictedOn: [403] }),
  github: githubAdapter,
  gitlab: gitlabAdapter,
  aws: awsAdapter,
  slack: slackAdapter,
  sendgrid: sendgridAdapter,
  google: googleAdapter,
  // npm registry: GET /-/whoami → {username}.
  npm: checkEndpoint({ name: 'npm', path: '/-/whoami', account: (body) => pickString(body, 'username') }),
  // Hugging Face Hub: GET /api/whoami-v2 → {name, type, …}.
  huggingface: checkEndpoint({ name: 'Hugging Face', path: '/whoami-v2', account: (body) => pickString(body, 'name') }),
  // DigitalOcean API v2: GET /v2/account → {account: {uuid, status, …}}.
  digitalocean: checkEndpoint({ name: 'DigitalOcean', path: '/account' }),
  doppler: dopplerAdapter,
  linear: linearAdapter,
  perplexity: perplexityAdapter,
  twilio: twilioAdapter,
}

/** `{field: value}` when the body has that string field, else nothing. */
function pickString(body: unknown, field: string): Record<string, unknown> {
  const value = text(body, field)
  return value === undefined ? {} : { [field]: value }
}
