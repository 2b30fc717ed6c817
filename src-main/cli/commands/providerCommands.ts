import type { Command } from 'commander'
import { terminalSafe } from '../../core/security/terminalText'
import { keyIdOf } from '../../core/keys/keyRef'
import { builtinProviders } from '../../core/providers/builtinProviders'
import { detectProvider } from '../../core/providers/detectProvider'
import { baseUrlFor } from '../../core/providers/providerDefinition'
import { KeywardError } from '../../core/errors'
import { listKeys } from '../../core/keys/keyRepository'
import { editKey, getKey } from '../../core/keys/keyRepository'
import { revokeKey, syncKey, verifyKey, type KeyOperation } from '../../core/providers/keyOperations'
import { rotateKey } from '../../core/providers/apiRotation'
import {
  listCustomProviders,
  providerFor,
  removeCustomProvider,
  saveCustomProvider,
} from '../../core/providers/customProviders'
import type { VaultSession } from '../../core/vault/VaultSession'
import { askExpiry, guidedRevocation, guidedRotation, needsDashboard } from './guided'
import { GuidedRotation } from '../../core/providers/guidedSteps'
import type { KeyRecord } from '../../core/keys/keyRecord'
import { withStates, type KeyWithState } from '../../core/keys/keyState'
import { parseExpiry } from '../keyOptions'
import { confirmOrStop } from '../confirm'
import { withVault, type CliContext } from '../context'
import { EXIT } from '../exitCodes'
import { json, table } from '../render'
import { readValue } from '../secrets'

interface Outcome {
  readonly ref: string
  readonly ok: boolean
  readonly code: string | null
  readonly message: string
}

export function registerProviderCommands(program: Command, context: CliContext): void {
  const { terminal, env } = context

  program
    .command('providers')
    .description('the providers Keyward knows: key format, env var, API base URL and what it can do')
    .option('-j, --json', 'print a JSON array')
    .action((flags: { json?: boolean }) => {
      const rows = builtinProviders.map((provider) => ({
        id: provider.id,
        name: provider.name,
        keyFormat: provider.keyFormat,
        envVar: provider.envVar,
        baseUrl: baseUrlFor(provider, env),
        auth: provider.auth?.kind ?? null,
        rotationDays: provider.rotationDays,
        rateLimit: provider.rateLimit,
        capabilities: provider.capabilities,
        dashboardUrl: provider.dashboardUrl,
        advice: provider.advice,
      }))
      if (flags.json === true) return json(terminal, rows)
      table(
        terminal,
        ['ID', 'NAME', 'KEY FORMAT', 'ENV VAR', 'VERIFY', 'ROTATE', 'REVOKE'],
        rows.map((row) => [
          row.id,
          row.name,
          row.keyFormat ?? '—',
          row.envVar,
          row.capabilities.verify,
          row.capabilities.rotate,
          row.capabilities.revoke,
        ]),
      )
    })

  const { http } = context

  /** verify and sync: one key, or every key whose provider offers the capability (progress on stderr). */
  const perKey = (
    name: 'verify' | 'sync',
    description: string,
    run: (session: VaultSession, ref: string) => Promise<KeyOperation>,
  ) =>
    program
      .command(`${name} [REF]`)
      .description(description)
      .option('--all', `${name} every key whose provider has the API (progress on stderr)`)
      .option('-j, --json', 'print the results as JSON')
      .action(async (ref: string | undefined, flags: { all?: boolean; json?: boolean }) => {
        if ((ref === undefined) === (flags.all !== true))
          throw new KeywardError('INVALID_INPUT', `Name one key (keyward ${name} REF) or pass --all.`)
        const results = await withVault(context, async (session) => {
          const refs =
            ref !== undefined
              ? [ref]
              : listKeys(session)
                  .filter((key) => providerFor(session, key.provider)?.provider.capabilities[name] === 'api')
                  .map((key) => key.ref)
          let finished = 0
          // All at once (providerHttp bounds the calls per provider); each line printed as its answer arrives.
          return Promise.all(
            refs.map(async (current) => {
              let outcome: Outcome
              try {
                const done = await run(session, current)
                outcome = { ref: done.key.ref, ok: true, code: null, message: done.summary }
              } catch (error) {
                if (!(error instanceof KeywardError) || ref !== undefined) throw error
                outcome = { ref: current, ok: false, code: error.code, message: error.message }
              }
              // Under --json stdout is the array at the end: the progress goes to stderr as each key is done.
              finished += 1
              if (flags.json !== true)
                terminal.out(terminalSafe(`${outcome.ok ? 'ok  ' : 'FAIL'}  ${outcome.ref}: ${outcome.message}`))
              else if (flags.all === true) terminal.err(`[${finished}/${refs.length}] ${outcome.ref}`)
              return outcome
            }),
          )
        })
        if (flags.json === true) json(terminal, results)
        if (results.some((result) => !result.ok)) process.exitCode = EXIT.provider
      })

  perKey(
    'verify',
    'ask the provider whether a key (or every key, --all) is live; the result is stored',
    (session, ref) => verifyKey(session, keyIdOf(session, ref), http),
  )
  perKey(
    'sync',
    'pull permissions, expiry, last use and usage from the provider where its API offers them',
    (session, ref) => syncKey(session, keyIdOf(session, ref), http),
  )

  program
    .command('rotate <REF>')
    .description("rotate a key: through the provider's API where it has one, else guided through its dashboard")
    .option('--yes', 'do not ask for confirmation')
    .option(
      '--value-stdin',
      'you made the new key yourself: read it from stdin — refused if it is the stored one, verified where the ' +
        'provider can, stored, and written to the .env files that held the old one',
    )
    .option('--pair-id <ID>', "with --value-stdin: a pair's new public id (AWS access key id, Twilio key SID)")
    .option('--expires <DATE>', 'the new key\'s expiry (YYYY-MM-DD) or "none"; by default a past expiry is cleared')
    .option('-j, --json', 'print the outcome as JSON')
    .action(
      async (
        ref: string,
        flags: { yes?: boolean; valueStdin?: boolean; pairId?: string; expires?: string; json?: boolean },
      ) => {
        const expires = parseExpiry('--expires', flags.expires)
        if (flags.pairId !== undefined && flags.valueStdin !== true)
          throw new KeywardError('INVALID_INPUT', '--pair-id goes with --value-stdin.')
        const given = flags.valueStdin === true ? await readValue(terminal, true, ref) : null
        const outcome = await withVault(context, async (session) => {
          const key = getKey(session, keyIdOf(session, ref))
          if (given !== null) return rotateToValue(session, key, given, flags.pairId, expires)
          const provider = providerFor(session, key.provider)?.provider
          if (provider === undefined || provider.capabilities.rotate === 'none')
            throw new KeywardError(
              'INVALID_INPUT',
              `Keyward cannot rotate ${key.provider} keys: make a new one at the provider, then run ` +
                `keyward rotate ${key.ref} --value-stdin.`,
            )
          if (provider.capabilities.rotate === 'guided') {
            if (!terminal.interactive) throw needsDashboard(provider, 'rotated')
            await guidedRotation(terminal, session, key, http, expires)
            return { key: withStates(session)(getKey(session, key.id)), summary: null }
          }
          if (flags.yes !== true)
            await confirmOrStop(
              terminal,
              `Rotate ${key.ref}? ${provider.name} issues a new key and the old one stops working.`,
              'Not rotated',
            )
          const { summary } = await rotateKey(session, key.id, http)
          const expiresAt =
            expires !== undefined ? expires : flags.yes === true ? undefined : await askExpiry(terminal, key)
          if (expiresAt !== undefined) editKey(session, key.id, { expiresAt })
          return { key: withStates(session)(getKey(session, key.id)), summary }
        })
        if (flags.json === true) json(terminal, outcome)
        else if (outcome.summary !== null) terminal.out(terminalSafe(outcome.summary))
      },
    )

  /** `rotate --value-stdin`: guided rotation's checks, storage and propagation, for a key the user made. */
  async function rotateToValue(
    session: VaultSession,
    key: KeyRecord,
    value: string,
    pairId: string | undefined,
    expiresAt: string | null | undefined,
  ): Promise<{ key: KeyWithState; summary: string }> {
    const rotation = GuidedRotation.start(session, key.id, http, { byValue: true })
    const stored = await rotation.submitCandidate(value, pairId, { expiresAt })
    const lines = [`Stored the new value of ${key.ref}; the previous one is kept as retired.`]
    if (stored.step === 'revoke-old-in-dashboard') {
      if (stored.verified !== null) lines.push(`Verified: ${stored.verified}`)
      for (const update of stored.files) lines.push(`${update.file} (${update.variable}): ${update.outcome}`)
    }
    const provider = providerFor(session, key.provider)?.provider
    lines.push(
      `The old key still works at ${provider?.name ?? key.provider} until you delete it there` +
        `${provider?.dashboardUrl === null || provider === undefined ? '' : ` (${provider.dashboardUrl})`}.`,
    )
    return { key: withStates(session)(getKey(session, key.id)), summary: lines.join('\n') }
  }

  program
    .command('revoke <REF>')
    .description("revoke a key: through the provider's API where it has one, else guided through its dashboard")
    .option('--yes', 'do not ask for confirmation')
    .option('-j, --json', 'print the key and what the provider said as JSON')
    .action(async (ref: string, flags: { yes?: boolean; json?: boolean }) => {
      const outcome = await withVault(context, async (session) => {
        const key = getKey(session, keyIdOf(session, ref))
        const provider = providerFor(session, key.provider)?.provider
        if (provider === undefined || provider.capabilities.revoke === 'none')
          throw new KeywardError(
            'INVALID_INPUT',
            `Keyward cannot revoke ${key.provider} keys${provider?.capabilities.rotate === 'api' ? ' (rotating invalidates the old key)' : ''}.`,
          )
        const current = () => withStates(session)(getKey(session, key.id))
        if (provider.capabilities.revoke === 'guided') {
          if (!terminal.interactive) throw needsDashboard(provider, 'revoked')
          const revoked = await guidedRevocation(terminal, session, key)
          return { key: current(), summary: revoked ? `Marked ${key.ref} revoked.` : `${key.ref} was not revoked.` }
        }
        if (flags.yes !== true)
          await confirmOrStop(terminal, `Revoke ${key.ref}? This cannot be undone at ${provider.name}.`, 'Not revoked')
        const { summary } = await revokeKey(session, key.id, http)
        return { key: current(), summary }
      })
      if (flags.json === true) json(terminal, outcome)
      else terminal.out(terminalSafe(outcome.summary))
    })

  const provider = program
    .command('provider')
    .description('custom providers, stored in the vault (see also: keyward providers)')
  provider
    .command('add <ID>')
    .description('define a custom provider that Keyward can verify keys against (--replace to change one)')
    .requiredOption('--name <NAME>', 'display name')
    .requiredOption('--base-url <URL>', 'API base URL (https; plain http only to 127.0.0.1/localhost)')
    .requiredOption('--auth <SCHEME>', 'bearer, header:NAME (e.g. header:X-API-Key) or basic (key as user name)')
    .requiredOption('--verify-path <PATH>', 'path under the base URL that needs a valid key, e.g. /me')
    .option('--verify-method <METHOD>', 'GET or POST', 'GET')
    .option('--expect-status <CODE>', 'the status a valid key gets (2xx)', '200')
    .option('--key-pattern <REGEX>', 'the key format, to detect pasted keys and catch typos')
    .option('--env-var <VAR>', 'default environment variable name')
    .option('--dashboard <URL>', 'where keys are managed')
    .option('--replace', 'replace a custom provider of this id')
    .option('-j, --json', 'print the saved provider as JSON')
    .action(
      (
        id: string,
        flags: {
          name: string
          baseUrl: string
          auth: string
          verifyPath: string
          verifyMethod: string
          expectStatus: string
          keyPattern?: string
          envVar?: string
          dashboard?: string
          replace?: boolean
          json?: boolean
        },
      ) =>
        withVault(context, (session) => {
          if (flags.replace !== true && listCustomProviders(session).some((custom) => custom.id === id))
            throw new KeywardError(
              'CONFLICT',
              `A custom provider "${id}" exists already; nothing was changed. Pass --replace to replace it.`,
            )
          const auth =
            flags.auth === 'bearer'
              ? { kind: 'bearer' }
              : flags.auth === 'basic'
                ? { kind: 'basic-key-as-user' }
                : flags.auth.startsWith('header:')
                  ? { kind: 'header', header: flags.auth.slice('header:'.length) }
                  : { kind: flags.auth }
          const saved = saveCustomProvider(session, {
            id,
            name: flags.name,
            baseUrl: flags.baseUrl,
            auth,
            verify: {
              method: flags.verifyMethod.toUpperCase(),
              path: flags.verifyPath,
              expectStatus: Number(flags.expectStatus),
            },
            keyPattern: flags.keyPattern ?? null,
            envVar: flags.envVar ?? `${id.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_API_KEY`,
            dashboardUrl: flags.dashboard ?? null,
          })
          if (flags.json === true) json(terminal, saved)
          else terminal.err(`${flags.replace === true ? 'Replaced' : 'Saved'} custom provider ${saved.id}.`)
        }),
    )
  provider
    .command('list')
    .description('the custom providers in this vault')
    .option('-j, --json', 'print a JSON array')
    .action(async (flags: { json?: boolean }) => {
      const custom = await withVault(context, (session) => listCustomProviders(session))
      if (flags.json === true) return json(terminal, custom)
      table(
        terminal,
        ['ID', 'NAME', 'BASE URL', 'AUTH', 'VERIFY'],
        custom.map((entry) => [
          entry.id,
          entry.name,
          entry.baseUrl,
          entry.auth.kind === 'header' ? `header ${entry.auth.header}` : entry.auth.kind,
          `${entry.verify.method} ${entry.verify.path} → ${entry.verify.expectStatus}`,
        ]),
      )
    })
  provider
    .command('rm <ID>')
    .description('remove a custom provider (its keys stay)')
    .option('-j, --json', 'print { removed } as JSON')
    .action(async (id: string, flags: { json?: boolean }) => {
      await withVault(context, (session) => removeCustomProvider(session, id))
      if (flags.json === true) json(terminal, { removed: id })
      else terminal.err(`Removed custom provider ${id}; its keys stay.`)
    })

  program
    .command('detect')
    .description('print the provider id a key belongs to, from its format, or "unknown" (no vault needed)')
    .option('--value-stdin', 'read the key from stdin (surrounding spaces and line breaks are trimmed)')
    .option('-j, --json', 'print { provider } as JSON')
    .action(async (flags: { valueStdin?: boolean; json?: boolean }) => {
      const provider = detectProvider(await readValue(terminal, flags.valueStdin === true, 'the key'))
      if (flags.json === true) json(terminal, { provider })
      else terminal.out(provider)
    })
}
