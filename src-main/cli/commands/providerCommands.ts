import type { Command } from 'commander'
import { builtinProviders } from '../../core/providers/builtinProviders'
import { detectProvider } from '../../core/providers/detectProvider'
import { baseUrlFor } from '../../core/providers/providerDefinition'
import type { CliContext } from '../context'
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

  program
    .command('detect')
    .description('print the provider id a key belongs to, from its format, or "unknown" (no vault needed)')
    .option('--value-stdin', 'read the key from stdin (one trailing newline is stripped)')
    .action(async (flags: { valueStdin?: boolean }) => {
      terminal.out(detectProvider(await readValue(terminal, flags.valueStdin === true, 'the key')))
    })
}
