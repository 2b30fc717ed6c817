import { refusal } from '../issueWords'
import { RE2JS } from 're2js'
import {
  deleteProviderDefinition,
  providerDefinition,
  providerDefinitions,
  upsertProviderDefinition,
} from './customProviderStore'
import { z } from 'zod'
import { KeywardError } from '../errors'
import { hasHiddenCharacters } from '../security/terminalText'
import { recordEvent } from '../vault/audit'
import type { VaultSession } from '../vault/VaultSession'
import type { ProviderAdapter } from './adapters/adapter'
import { adapters } from './adapters'
import { findProvider } from './builtinProviders'
import type { KeyPattern, ProviderDefinition } from './providerDefinition'

/**
 * A custom key pattern, matched by RE2 (re2js, the linear-time engine's JavaScript port): it runs on every pasted
 * value and every imported line, and no pattern a user types can make it backtrack — `^(a+)+$` against 50,000 a's
 * and a "!" takes milliseconds, where a JavaScript RegExp would hang the app. Null when RE2 cannot read it
 * (look-around, back-references): refused when a provider is saved; one stored earlier simply detects nothing.
 */
export function linearPattern(pattern: string): KeyPattern | null {
  try {
    const compiled = RE2JS.compile(pattern)
    return { test: (value) => compiled.matcher(value).find() }
  } catch {
    return null
  }
}

/** A provider the user defines: enough to verify a key against an endpoint of their choosing. */
export const customProviderSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'lower-case letters, digits, ".", "_" or "-"'),
  name: z
    .string()
    .min(1)
    .max(80)
    .refine((name) => !hasHiddenCharacters(name), 'a name has no control, bidi or zero-width characters'),
  baseUrl: z.url().refine((url) => {
    const parsed = new URL(url)
    return (
      parsed.protocol === 'https:' ||
      (parsed.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname))
    )
  }, 'https, or plain http to 127.0.0.1/localhost only'),
  auth: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('bearer') }),
    z.object({ kind: z.literal('header'), header: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'a header name') }),
    z.object({ kind: z.literal('basic-key-as-user') }),
  ]),
  verify: z.object({
    method: z.enum(['GET', 'POST']),
    path: z.string().regex(/^\/[^\s]*$/, 'a path starting with /'),
    expectStatus: z.number().int().min(200).max(299),
  }),
  keyPattern: z
    .string()
    .max(200)
    .refine(
      (pattern) => linearPattern(pattern) !== null,
      'not a regular expression Keyward can match (RE2 syntax: no look-around or back-references)',
    )
    .nullable(),
  envVar: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/),
  // Opened in the user's browser: https only, no credentials in it.
  dashboardUrl: z
    .url()
    .refine((url) => {
      const parsed = new URL(url)
      return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === ''
    }, 'an https URL without credentials')
    .nullable(),
})

export type CustomProvider = z.infer<typeof customProviderSchema>

function toDefinition(custom: CustomProvider): ProviderDefinition {
  return {
    id: custom.id,
    name: custom.name,
    dashboardUrl: custom.dashboardUrl,
    docsUrl: null,
    baseUrl: custom.baseUrl.replace(/\/+$/, ''),
    auth: custom.auth,
    keyPattern: custom.keyPattern === null ? null : linearPattern(custom.keyPattern),
    keyFormat: custom.keyPattern,
    envVar: custom.envVar,
    rotationDays: null,
    rateLimit: null,
    capabilities: { verify: 'api', rotate: 'none', revoke: 'none', sync: 'none' },
    advice: [],
  }
}

function customAdapter(custom: CustomProvider): ProviderAdapter {
  return {
    async verify(call) {
      const { status } = await call({
        method: custom.verify.method,
        path: custom.verify.path,
        accept: [custom.verify.expectStatus],
      })
      if (status !== custom.verify.expectStatus)
        throw new KeywardError(
          'PROVIDER_ERROR',
          `${custom.name} answered HTTP ${status}, not the expected ${custom.verify.expectStatus}.`,
        )
      return { outcome: 'live', metadata: {}, summary: `${custom.name} answered ${status}: the key is accepted.` }
    },
  }
}

export function listCustomProviders(session: VaultSession): CustomProvider[] {
  return providerDefinitions(session).map((row) => customProviderSchema.parse(JSON.parse(row)))
}

export function saveCustomProvider(session: VaultSession, input: unknown): CustomProvider {
  const parsed = customProviderSchema.safeParse(input)
  if (!parsed.success) throw refusal(parsed.error.issues)
  if (findProvider(parsed.data.id) !== undefined)
    throw new KeywardError('CONFLICT', `${parsed.data.id} is a built-in provider; pick another id.`)
  const now = session.clock.now().toISOString()
  upsertProviderDefinition(session, parsed.data.id, JSON.stringify(parsed.data), now)
  recordEvent(session, 'provider-saved', {}, { provider: parsed.data.id })
  return parsed.data
}

export function removeCustomProvider(session: VaultSession, id: string): void {
  if (!deleteProviderDefinition(session, id)) throw new KeywardError('NOT_FOUND', `No custom provider ${id}.`)
  recordEvent(session, 'provider-removed', {}, { provider: id })
}

/** A provider and its adapter by id: built-in first, then the vault's custom providers. */
export function providerFor(
  session: VaultSession,
  id: string,
): { provider: ProviderDefinition; adapter: ProviderAdapter | undefined } | undefined {
  const builtin = findProvider(id)
  if (builtin !== undefined) return { provider: builtin, adapter: adapters[id] }
  const row = providerDefinition(session, id)
  if (row === undefined) return undefined
  const custom = customProviderSchema.parse(JSON.parse(row))
  return { provider: toDefinition(custom), adapter: customAdapter(custom) }
}

/** Built-in and custom definitions, for detection when a vault is open. */
export function allProviders(session: VaultSession, builtins: readonly ProviderDefinition[]): ProviderDefinition[] {
  return [...builtins, ...listCustomProviders(session).map(toDefinition)]
}
