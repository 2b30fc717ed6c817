import type { Command } from 'commander'
import { builtinProviders, findProvider } from '../../core/providers/builtinProviders'
import { detectProvider } from '../../core/providers/detectProvider'
import { baseUrlFor } from '../../core/providers/providerDefinition'
import { KeywardError } from '../../core/errors'
import { listKeys } from '../../core/keys/keyRepository'
import type { HttpDeps } from '../../core/providers/providerHttp'
import { verifyKey } from '../../core/providers/verifyKey'
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

  program
    .command('verify [REF]')
    .description('ask the provider whether a key (or every key, --all) is live; the result is stored')
    .option('--all', 'verify every key whose provider has a key API (progress on stderr)')
    .option('--json', 'print the results as JSON')
    .action(async (ref: string | undefined, flags: { all?: boolean; json?: boolean }) => {
      if ((ref === undefined) === (flags.all !== true)) throw new KeywardError('INVALID_INPUT', 'Name one key (keyward verify REF) or pass --all.')
      const results = await withVault(context, async (session) => {
        const refs = ref !== undefined ? [ref] : listKeys(session).filter((key) => findProvider(key.provider)?.capabilities.verify === 'api').map((key) => key.ref)
        const outcomes: { ref: string; ok: boolean; code: string | null; message: string }[] = []
        for (const [index, current] of refs.entries()) {
          if (flags.all === true) terminal.err(`[${index + 1}/${refs.length}] ${current}`)
          try {
            const verified = await verifyKey(session, current, http)
            outcomes.push({ ref: verified.key.ref, ok: true, code: null, message: verified.summary })
          } catch (error) {
            if (!(error instanceof KeywardError) || ref !== undefined) throw error
            outcomes.push({ ref: current, ok: false, code: error.code, message: error.message })
          }
        }
        return outcomes
      })
      if (flags.json === true) json(terminal, results)
      else for (const result of results) terminal.out(`${result.ok ? 'ok  ' : 'FAIL'}  ${result.ref}: ${result.message}`)
      const failed = results.find((result) => !result.ok)
      if (failed !== undefined) process.exitCode = EXIT.provider
    })

  program
    .command('detect')
    .description('print the provider id a key belongs to, from its format, or "unknown" (no vault needed)')
    .option('--value-stdin', 'read the key from stdin (one trailing newline is stripped)')
    .action(async (flags: { valueStdin?: boolean }) => {
      terminal.out(detectProvider(await readValue(terminal, flags.valueStdin === true, 'the key')))
    })
}
