import type { Command } from 'commander'
import { keyIdOf } from '../../core/keys/keyRef'
import { KeywardError } from '../../core/errors'
import {
  createKey,
  deleteKey,
  editKey,
  getKey,
  keyHistory,
  readSecretValue,
  setKeyValue,
} from '../../core/keys/keyRepository'
import { propagateValue } from '../../core/dotenv/propagateValue'
import type { KeyRecord } from '../../core/keys/keyRecord'
import { findProvider } from '../../core/providers/builtinProviders'
import { detectProvider } from '../../core/providers/detectProvider'
import { providerForNewValue } from '../../core/providers/providerForNewValue'
import { withKeyAccess, withVault, type CliContext } from '../context'
import { getValue, listKeys as listVia, searchKeys as searchVia, type ListFilter } from '../reads'
import { addKeyOptions, keyPatchFromFlags, parseExpiry, type KeyFlags } from '../keyOptions'
import { withStates } from '../../core/keys/keyState'
import { usagesWithState } from '../../core/dotenv/usages'
import { json, keyDetails, table } from '../render'
import { readValue } from '../secrets'
import { newKeyMetadata } from './newKeyMetadata'
import { checkProviderId } from '../../core/providers/providerNames'
import { confirmOrStop } from '../confirm'
import { TRASH_DAYS, trashKey } from '../../core/keys/trashStore'

const collectFlag = (value: string, previous: string[] = []) => [...previous, value]

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
      .option('--value-stdin', 'read the value from stdin (surrounding spaces and line breaks are trimmed)')
      .option('--no-format-check', "store a value that does not match the provider's documented key format")
      .option('-j, --json', 'print the new key as JSON'),
    { forEdit: false },
  ).action(async (name: string, flags: KeyFlags & { valueStdin?: boolean; formatCheck: boolean; json?: boolean }) => {
    const { provider: _provider, metadata: given, ...fields } = keyPatchFromFlags(flags)
    // The vault is opened first and the provider checked: the value is asked for only once it can be stored.
    const { key, duplicates } = await withVault(context, async (session) => {
      if (flags.provider !== undefined) checkProviderId(session, flags.provider)
      const value = await readValue(
        terminal,
        flags.valueStdin === true,
        flags.provider === undefined ? name : `${flags.provider}/${name}`,
      )
      const metadata = await newKeyMetadata(
        context,
        findProvider(flags.provider ?? detectProvider(value)),
        value,
        given,
      )
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
    .option('-e, --environment <ENV>', 'only this environment')
    .option('--tag <TAG>', 'only keys with this tag')
    .option('--status <STATE>', 'only keys in this state: ok, due, overdue, expired, rejected, revoked, … or attention')
    .option('-j, --json', 'print a JSON array')
    .action(async (flags: ListFilter) => withKeyAccess(context, (access) => listVia(access, terminal, flags)))

  program
    .command('show <REF>')
    .description("show a key's metadata, its last verify and the .env files it is written to (never its value)")
    .option('-j, --json', 'print JSON')
    .action(async (ref: string, flags: { json?: boolean }) => {
      const key = await withVault(context, (session) => {
        const found = withStates(session)(getKey(session, keyIdOf(session, ref)))
        return { ...found, usages: usagesWithState(session, found.id) }
      })
      if (flags.json === true) json(terminal, key)
      else keyDetails(terminal, key)
    })

  program
    .command('get <REF>')
    .description('print only the value, newline-terminated (recorded in the audit trail)')
    .option('-j, --json', 'print { ref, value } as JSON')
    .action(async (ref: string, flags: { json?: boolean }) =>
      withKeyAccess(context, (access) => getValue(access, terminal, ref, flags.json === true)),
    )

  program
    .command('search <QUERY>')
    .description(
      'find keys: words match name, provider, env var, environment, tags or notes (any case); provider:ID, env:ENV, ' +
        'tag:TAG and is:STATE (expired, due, overdue, attention, rejected, unreachable, restricted, revoked, ' +
        'active, unverified) narrow it, as in the window',
    )
    .option('--limit <N>', 'at most N results', '50')
    .option('-j, --json', 'print a JSON array')
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
      .option('--add-tag <TAG>', 'add a tag, keeping the others (repeatable)', collectFlag)
      .option('--remove-tag <TAG>', 'remove a tag (repeatable)', collectFlag)
      .option('-j, --json', 'print the key as JSON'),
    { forEdit: true },
  ).action(async (ref: string, flags: KeyFlags & { addTag?: string[]; removeTag?: string[]; json?: boolean }) => {
    const patch = keyPatchFromFlags(flags)
    const tagEdits = [...(flags.addTag ?? []), ...(flags.removeTag ?? [])].length > 0
    if (tagEdits && patch.tags !== undefined)
      throw new KeywardError(
        'INVALID_INPUT',
        '--add-tag and --remove-tag change the tags; --tag and --clear-tags replace them: use one kind.',
      )
    const key = await withVault(context, (session) => {
      if (patch.provider !== undefined) checkProviderId(session, patch.provider)
      const id = keyIdOf(session, ref)
      const tags = tagEdits
        ? [...new Set([...getKey(session, id).tags, ...(flags.addTag ?? [])])].filter(
            (tag) => !(flags.removeTag ?? []).includes(tag),
          )
        : patch.tags
      return editKey(session, id, { ...patch, ...(tags === undefined ? {} : { tags }) })
    })
    if (flags.json === true) json(terminal, key)
    else terminal.err(`Updated ${key.ref}.`)
  })

  program
    .command('set-value <REF>')
    .description('replace the value; the old one is kept in the history as retired (the key is active again)')
    .option('--value-stdin', 'read the value from stdin (surrounding spaces and line breaks are trimmed)')
    .option('--reason <TEXT>', 'why the value changed (kept in the history)', 'replaced')
    .option('--expires <DATE>', 'the new value\'s expiry (YYYY-MM-DD) or "none"; by default a past expiry is cleared')
    .option('--propagate', 'write the new value into the .env files that still hold the previous one')
    .option('-j, --json', 'print the key, and what became of each file, as JSON')
    .action(
      async (
        ref: string,
        flags: { valueStdin?: boolean; reason: string; expires?: string; propagate?: boolean; json?: boolean },
      ) => {
        const expiresAt = parseExpiry('--expires', flags.expires)
        const outcome = await withVault(context, async (session) => {
          const id = keyIdOf(session, ref)
          const value = await readValue(terminal, flags.valueStdin === true, ref)
          const previous = readSecretValue(session, id)
          const { key, duplicates } = setKeyValue(session, id, value, flags.reason, { expiresAt })
          // The files Keyward wrote this key into that still hold the previous value: rewritten when asked.
          const stale = propagateValue(session, id, previous, value, () => false).filter(
            (update) => update.outcome === 'skipped',
          )
          const propagate =
            stale.length > 0 &&
            (flags.propagate === true ||
              (flags.json !== true &&
                terminal.interactive &&
                (await terminal.confirm(
                  `${stale.length} .env file(s) still hold the previous value (${stale.map((u) => u.file).join(', ')}). Write the new one there?`,
                ))))
          const files = propagate ? propagateValue(session, id, previous, value) : stale
          return { key: withStates(session)(key), duplicates, files }
        })
        if (flags.json === true) return json(terminal, outcome)
        terminal.err(`New value stored for ${outcome.key.ref}; the previous one is retired.`)
        for (const file of outcome.files)
          terminal.err(
            file.outcome === 'skipped'
              ? `${file.file} (${file.variable}) still holds the previous value: keyward env write ${file.file} -k ${outcome.key.ref}`
              : `${file.file} (${file.variable}): ${file.outcome}`,
          )
        warnDuplicates(context, outcome.duplicates)
      },
    )

  program
    .command('history <REF>')
    .description('when each value was set and retired, and why (never the values)')
    .option('-j, --json', 'print JSON')
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
    .description(`move a key to the Trash (restorable for ${TRASH_DAYS} days; it is not revoked at the provider)`)
    .option('--forever', 'delete it now with every stored version of its value, skipping the Trash')
    .option('--yes', 'do not ask for confirmation')
    .option('-j, --json', 'print what happened as JSON')
    .action(async (ref: string, flags: { forever?: boolean; yes?: boolean; json?: boolean }) => {
      const done = await withVault(context, async (session) => {
        const found = getKey(session, keyIdOf(session, ref))
        warnStillLive(found)
        if (flags.forever === true) {
          if (flags.yes !== true) await confirmDeletion(found)
          return { deleted: deleteKey(session, found.id).ref }
        }
        if (flags.yes !== true)
          await confirmOrStop(
            terminal,
            `Move ${found.ref} to the Trash (restorable for ${TRASH_DAYS} days)?`,
            'Not deleted',
          )
        const trashed = trashKey(session, found.id)
        return { trashed: trashed.ref, goneAt: trashed.goneAt }
      })
      if (flags.json === true) return json(terminal, done)
      if ('deleted' in done) return terminal.err(`Deleted ${done.deleted}.`)
      terminal.err(
        `Moved ${done.trashed} to the Trash; it is deleted for good on ${done.goneAt.slice(0, 10)}. ` +
          `To put it back: keyward trash restore ${done.trashed}`,
      )
    })

  /**
   * Deleting a key here does not stop it working at the provider: said before the question, with what revokes it
   * there (1Password and Bitwarden forget a secret silently; a live API key forgotten is a leak waiting).
   */
  function warnStillLive(key: KeyRecord): void {
    const provider = findProvider(key.provider)
    if (key.status === 'revoked' || provider === undefined) return
    const verified =
      key.lastVerifyResult === 'ok' ? ` (it worked when verified on ${key.lastVerifiedAt?.slice(0, 10)})` : ''
    const fix =
      provider.capabilities.revoke === 'api'
        ? `To revoke it there first: keyward revoke ${key.ref}`
        : `Delete it at ${provider.dashboardUrl ?? provider.name} too.`
    terminal.err(
      `${key.ref} is not revoked at ${provider.name}${verified}: it keeps working there after it is deleted here. ${fix}`,
    )
  }

  /** y/N — except for providers whose keys live on after Keyward forgets them, where the name must be typed. */
  async function confirmDeletion(key: KeyRecord): Promise<void> {
    const provider = findProvider(key.provider)
    if (provider?.capabilities.revoke !== 'guided')
      return confirmOrStop(terminal, `Delete ${key.ref} and all its stored values?`, 'Not deleted')
    if (!terminal.interactive)
      throw new KeywardError('INVALID_INPUT', 'Not deleted: there is no terminal to confirm on; pass --yes.')
    if ((await terminal.ask(`Type the key's name (${key.name}) to delete it from Keyward: `))?.trim() !== key.name)
      throw new KeywardError('CANCELLED', 'Not deleted.')
  }
}
