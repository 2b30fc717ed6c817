import type { Command } from 'commander'
import { keyIdOf } from '../../core/keys/keyRef'
import { KeywardError } from '../../core/errors'
import { createKey, deleteKey, editKey, getKey, keyHistory, setKeyValue } from '../../core/keys/keyRepository'
import type { KeyRecord } from '../../core/keys/keyRecord'
import { findProvider } from '../../core/providers/builtinProviders'
import { detectProvider } from '../../core/providers/detectProvider'
import { providerForNewValue } from '../../core/providers/providerForNewValue'
import { withKeyAccess, withVault, type CliContext } from '../context'
import { getValue, listKeys as listVia, searchKeys as searchVia } from '../reads'
import { addKeyOptions, keyPatchFromFlags, type KeyFlags } from '../keyOptions'
import { withStates } from '../../core/keys/keyState'
import { json, keyDetails, table } from '../render'
import { readValue } from '../secrets'
import { newKeyMetadata } from './newKeyMetadata'

function warnDuplicates(context: CliContext, duplicates: readonly string[]): void {
  if (duplicates.length > 0) context.terminal.err(`Note: the same value is stored as ${duplicates.join(', ')}.`)
}

export function registerKeyCommands(program: Command, context: CliContext): void {
  const { terminal } = context

  addKeyOptions(
    program
      .command('add <NAME>')
      .description('add a key; the value comes from stdin (--value-stdin) or a hidden prompt, never from argv')
      .option('--provider <ID>', 'provider id, e.g. solo, mailosaur, stripe (default: detected from the key)')
      .option('--value-stdin', 'read the value from stdin (one trailing newline is stripped)')
      .option('--no-format-check', "store a value that does not match the provider's documented key format")
      .option('--json', 'print the new key as JSON'),
    { forEdit: false },
  ).action(async (name: string, flags: KeyFlags & { valueStdin?: boolean; formatCheck: boolean; json?: boolean }) => {
    const { provider: _provider, metadata: given, ...fields } = keyPatchFromFlags(flags)
    const value = await readValue(
      terminal,
      flags.valueStdin === true,
      flags.provider === undefined ? name : `${flags.provider}/${name}`,
    )
    const metadata = await newKeyMetadata(context, findProvider(flags.provider ?? detectProvider(value)), value, given)
    const { key, duplicates } = await withVault(context, (session) => {
      const provider = providerForNewValue(session, flags.provider, value, flags.formatCheck)
      return createKey(
        session,
        {
          ...fields,
          ...(metadata === undefined ? {} : { metadata }),
          envVar: fields.envVar ?? provider.envVar,
          provider: provider.id,
          name,
        },
        value,
      )
    })
    if (flags.json === true) json(terminal, key)
    else terminal.err(`Added ${key.ref}.`)
    warnDuplicates(context, duplicates)
  })

  program
    .command('list')
    .description('list keys (metadata only)')
    .option('--provider <ID>', 'only this provider')
    .option('--environment <ENV>', 'only this environment')
    .option('--json', 'print a JSON array')
    .action(async (flags: { provider?: string; environment?: string; json?: boolean }) =>
      withKeyAccess(context, (access) => listVia(access, terminal, flags)),
    )

  program
    .command('show <REF>')
    .description("show a key's metadata (never its value)")
    .option('--json', 'print JSON')
    .action(async (ref: string, flags: { json?: boolean }) => {
      const key = await withVault(context, (session) => withStates(session)(getKey(session, keyIdOf(session, ref))))
      if (flags.json === true) json(terminal, key)
      else keyDetails(terminal, key)
    })

  program
    .command('get <REF>')
    .description('print only the value, newline-terminated (recorded in the audit trail)')
    .action(async (ref: string) => withKeyAccess(context, (access) => getValue(access, terminal, ref)))

  program
    .command('search <QUERY>')
    .description('find keys by name, provider, env var, environment, tags or notes (substring, any case)')
    .option('--limit <N>', 'at most N results', '50')
    .option('--json', 'print a JSON array')
    .action(async (query: string, flags: { limit: string; json?: boolean }) => {
      const limit = Number(flags.limit)
      if (!Number.isInteger(limit) || limit < 1)
        throw new KeywardError('INVALID_INPUT', '--limit takes a positive whole number.')
      await withKeyAccess(context, (access) => searchVia(access, terminal, query, { limit, json: flags.json }))
    })

  addKeyOptions(
    program
      .command('edit <REF>')
      .description("change a key's metadata (not its value: see set-value)")
      .option('--name <NAME>', 'rename the key')
      .option('--provider <ID>', 'move the key to another provider id')
      .option('--clear-tags', 'remove every tag')
      .option('--json', 'print the key as JSON'),
    { forEdit: true },
  ).action(async (ref: string, flags: KeyFlags & { json?: boolean }) => {
    const key = await withVault(context, (session) => editKey(session, keyIdOf(session, ref), keyPatchFromFlags(flags)))
    if (flags.json === true) json(terminal, key)
    else terminal.err(`Updated ${key.ref}.`)
  })

  program
    .command('set-value <REF>')
    .description('replace the value; the old one is kept in the history as retired')
    .option('--value-stdin', 'read the value from stdin (one trailing newline is stripped)')
    .option('--reason <TEXT>', 'why the value changed (kept in the history)', 'replaced')
    .action(async (ref: string, flags: { valueStdin?: boolean; reason: string }) => {
      const value = await readValue(terminal, flags.valueStdin === true, ref)
      const { key, duplicates } = await withVault(context, (session) =>
        setKeyValue(session, keyIdOf(session, ref), value, flags.reason),
      )
      terminal.err(`New value stored for ${key.ref}; the previous one is retired.`)
      warnDuplicates(context, duplicates)
    })

  program
    .command('history <REF>')
    .description('when each value was set and retired, and why (never the values)')
    .option('--json', 'print JSON')
    .action(async (ref: string, flags: { json?: boolean }) => {
      const history = await withVault(context, (session) => keyHistory(session, keyIdOf(session, ref)))
      if (flags.json === true) return json(terminal, { key: history.key.ref, versions: history.versions })
      table(
        terminal,
        ['SET', 'RETIRED', 'REASON', 'VALUE'],
        history.versions.map((version) => [
          version.createdAt,
          version.retiredAt ?? 'current',
          version.retiredReason ?? '',
          version.hint === '' ? '' : `…${version.hint}`,
        ]),
      )
    })

  program
    .command('rm <REF>')
    .description('delete a key and every stored version of its value')
    .option('--yes', 'do not ask for confirmation')
    .action(async (ref: string, flags: { yes?: boolean }) => {
      const key = await withVault(context, async (session) => {
        const found = getKey(session, keyIdOf(session, ref))
        if (flags.yes !== true && !(await confirmDeletion(found))) {
          throw new KeywardError('INVALID_INPUT', 'Not deleted: confirm on a terminal, or pass --yes.')
        }
        return deleteKey(session, found.id)
      })
      terminal.err(`Deleted ${key.ref}.`)
    })

  /** y/N — except for providers whose keys live on after Keyward forgets them, where the name must be typed. */
  async function confirmDeletion(key: KeyRecord): Promise<boolean> {
    const provider = findProvider(key.provider)
    if (provider?.capabilities.revoke !== 'guided')
      return terminal.confirm(`Delete ${key.ref} and all its stored values?`)
    terminal.err(
      `${provider.name} keys cannot be deleted through its API: deleting ${key.ref} here leaves it working at ${provider.dashboardUrl ?? provider.name}. Delete it there too.`,
    )
    return (await terminal.ask(`Type the key's name (${key.name}) to delete it from Keyward: `))?.trim() === key.name
  }
}
