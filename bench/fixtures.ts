import { randomBytes } from 'node:crypto'
import type { NewKey } from '../src-main/core/keys/keyInput'

const providers = [
  'solo',
  'mailosaur',
  'aisoule',
  'solenoid-meter',
  'elastic-email',
  'openai',
  'anthropic',
  'stripe',
  'github',
  'gitlab',
  'aws',
  'slack',
  'sendgrid',
  'google',
  'npm',
  'huggingface',
]
const environments = ['development', 'staging', 'production']
const words = [
  'billing',
  'checkout',
  'search',
  'mailer',
  'analytics',
  'payments',
  'webhooks',
  'ingest',
  'reports',
  'signup',
  'alerts',
  'backup',
  'deploy',
  'metrics',
  'invoices',
  'support',
]

function pick<T>(list: readonly T[], i: number): T {
  return list[i % list.length] as T
}

/** Key i of a synthetic but realistic vault: provider, environment, a service word, notes and tags. */
export function syntheticKey(i: number): { key: NewKey; value: string } {
  const provider = pick(providers, i)
  const service = pick(words, Math.floor(i / providers.length))
  const environment = pick(environments, Math.floor(i / 7))
  return {
    key: {
      provider,
      name: `${service}-${environment}-${i}`,
      envVar: `${provider.toUpperCase().replace(/-/g, '_')}_${service.toUpperCase()}_KEY`,
      environment,
      tags: [service, pick(words, i + 3)],
      notes: `Owner team ${pick(words, i * 7)}; rotated by ${pick(words, i * 11)}`,
      expiresAt: i % 4 === 0 ? `2027-${String((i % 12) + 1).padStart(2, '0')}-15` : null,
      rotateEveryDays: i % 3 === 0 ? 90 : null,
    },
    value: `${provider}_${randomBytes(24).toString('base64url')}`,
  }
}

export function syntheticKeys(count: number, offset = 0): { key: NewKey; value: string }[] {
  return Array.from({ length: count }, (_, i) => syntheticKey(offset + i))
}

/** Substrings of real names, 4–7 characters, as a user would type them. */
export function searchQueries(count: number, keys: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const name = syntheticKey((i * 7919) % keys).key.name
    const start = (i * 3) % Math.max(1, name.length - 7)
    return name.slice(start, start + 4 + (i % 4))
  })
}

/** The same keys as a KeePass 2 XML export, for keepassxc-cli import. */
export function keepassXml(entries: readonly { key: NewKey; value: string }[]): string {
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  const field = (key: string, value: string, protect = false) =>
    `<String><Key>${key}</Key><Value${protect ? ' ProtectInMemory="True"' : ''}>${escape(value)}</Value></String>`
  const body = entries
    .map(
      ({ key, value }) =>
        `<Entry><UUID>${randomBytes(16).toString('base64')}</UUID>${field('Title', key.name)}${field('UserName', key.provider)}${field('Password', value, true)}${field('Notes', `${key.envVar ?? ''} ${key.environment ?? ''} ${(key.tags ?? []).join(' ')} ${key.notes ?? ''}`)}</Entry>`,
    )
    .join('\n')
  return `<?xml version="1.0" encoding="UTF-8"?>\n<KeePassFile><Meta><Generator>keyward-bench</Generator></Meta><Root><Group><Name>Root</Name>\n${body}\n</Group></Root></KeePassFile>\n`
}
