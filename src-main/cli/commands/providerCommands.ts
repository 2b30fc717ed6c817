import type { Command } from 'commander'
import { builtinProviders, findProvider } from '../../core/providers/builtinProviders'
import { detectProvider } from '../../core/providers/detectProvider'
import { baseUrlFor } from '../../core/providers/providerDefinition'
import { KeywardError } from '../../core/errors'
import { listKeys } from '../../core/keys/keyRepository'
import type { HttpDeps } from '../../core/providers/providerHttp'
import { getKey } from '../../core/keys/keyRepository'
import { revokeKey, rotateKey, syncKey, verifyKey, type KeyOperation } from '../../core/providers/keyOperations'
import type { VaultSession } from '../../core/vault/VaultSession'
import { guidedRevocation, guidedRotation, needsDashboard } from './guided'
import { withVault, type CliContext } from '../context'
import { EXIT } from '../exitCodes'
import { json, table } from '../render'
import { readValue } from '../secrets'

export function registerProviderCommands(program: Command, context: CliContext): void {
  const { terminal, env } = context

  program
    .command('providers')
    .description('the providers Keyward knows: key format, env var, API base URL and what it can do')
    .option('--json', 'print a JSON array')
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
        rows.map((row) => [row.id, row.name, row.keyFormat ?? '—', row.envVar, row.capabilities.verify, row.capabilities.rotate, row.capabilities.revoke]),
      )
    })

  const http: HttpDeps = { fetch: globalThis.fetch, sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)), env }

  /** verify and sync: one key, or every key whose provider offers the capability (progress on stderr). */
  const perKey = (name: 'verify' | 'sync', description: string, run: (session: VaultSession, ref: string) => Promise<KeyOperation>) =>
    program
      .command(`${name} [REF]`)
      .description(description)
      .option('--all', `${name} every key whose provider has the API (progress on stderr)`)
      .option('--json', 'print the results as JSON')
      .action(async (ref: string | undefined, flags: { all?: boolean; json?: boolean }) => {
        if ((ref === undefined) === (flags.all !== true)) throw new KeywardError('INVALID_INPUT', `Name one key (keyward ${name} REF) or pass --all.`)
        const results = await withVault(context, async (session) => {
          const refs = ref !== undefined ? [ref] : listKeys(session).filter((key) => findProvider(key.provider)?.capabilities[name] === 'api').map((key) => key.ref)
          const outcomes: { ref: string; ok: boolean; code: string | null; message: string }[] = []
          for (const [index, current] of refs.entries()) {
            if (flags.all === true) terminal.err(`[${index + 1}/${refs.length}] ${current}`)
            try {
              const done = await run(session, current)
              outcomes.push({ ref: done.key.ref, ok: true, code: null, message: done.summary })
            } catch (error) {
              if (!(error instanceof KeywardError) || ref !== undefined) throw error
              outcomes.push({ ref: current, ok: false, code: error.code, message: error.message })
            }
          }
          return outcomes
        })
        if (flags.json === true) json(terminal, results)
        else for (const result of results) terminal.out(`${result.ok ? 'ok  ' : 'FAIL'}  ${result.ref}: ${result.message}`)
        if (results.some((result) => !result.ok)) process.exitCode = EXIT.provider
      })

  perKey('verify', 'ask the provider whether a key (or every key, --all) is live; the result is stored', (session, ref) => verifyKey(session, ref, http))
  perKey('sync', 'pull permissions, expiry, last use and usage from the provider where its API offers them', (session, ref) => syncKey(session, ref, http))

  program
    .command('rotate <REF>')
    .description('rotate a key: through the provider\'s API where it has one, else guided through its dashboard')
    .option('--yes', 'do not ask for confirmation')
    .action(async (ref: string, flags: { yes?: boolean }) => {
      await withVault(context, async (session) => {
        const key = getKey(session, ref)
        const provider = findProvider(key.provider)
        if (provider === undefined || provider.capabilities.rotate === 'none') throw new KeywardError('INVALID_INPUT', `Keyward cannot rotate ${key.provider} keys; use keyward set-value after rotating it yourself.`)
        if (provider.capabilities.rotate === 'guided') {
          if (!terminal.interactive) throw needsDashboard(provider, 'rotated')
          return guidedRotation(terminal, session, key, provider, http)
        }
        if (flags.yes !== true && !(await terminal.confirm(`Rotate ${key.ref}? ${provider.name} issues a new key and the old one stops working.`))) {
          throw new KeywardError('INVALID_INPUT', 'Not rotated: confirm on a terminal, or pass --yes.')
        }
        terminal.out((await rotateKey(session, key.ref, http)).summary)
      })
    })

  program
    .command('revoke <REF>')
    .description('revoke a key: through the provider\'s API where it has one, else guided through its dashboard')
    .option('--yes', 'do not ask for confirmation')
    .action(async (ref: string, flags: { yes?: boolean }) => {
      await withVault(context, async (session) => {
        const key = getKey(session, ref)
        const provider = findProvider(key.provider)
        if (provider === undefined || provider.capabilities.revoke === 'none') throw new KeywardError('INVALID_INPUT', `Keyward cannot revoke ${key.provider} keys${provider?.capabilities.rotate === 'api' ? ' (rotating invalidates the old key)' : ''}.`)
        if (provider.capabilities.revoke === 'guided') {
          if (!terminal.interactive) throw needsDashboard(provider, 'revoked')
          if (await guidedRevocation(terminal, session, key, provider)) terminal.err(`Marked ${key.ref} revoked.`)
          return
        }
        if (flags.yes !== true && !(await terminal.confirm(`Revoke ${key.ref}? This cannot be undone at ${provider.name}.`))) {
          throw new KeywardError('INVALID_INPUT', 'Not revoked: confirm on a terminal, or pass --yes.')
        }
        terminal.out((await revokeKey(session, key.ref, http)).summary)
      })
    })

  program
    .command('detect')
    .description('print the provider id a key belongs to, from its format, or "unknown" (no vault needed)')
    .option('--value-stdin', 'read the key from stdin (one trailing newline is stripped)')
    .action(async (flags: { valueStdin?: boolean }) => {
      terminal.out(detectProvider(await readValue(terminal, flags.valueStdin === true, 'the key')))
    })
}
