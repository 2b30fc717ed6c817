import type { Command } from 'commander'
import {
  deleteTrashedForever,
  emptyTrash,
  findTrashed,
  listTrash,
  restoreKey,
  TRASH_DAYS,
  trashCount,
} from '../../core/keys/trashStore'
import { confirmOrStop } from '../confirm'
import { withVault, type CliContext } from '../context'
import { json, table } from '../render'

/** `keyward trash list|restore|rm|empty`: the keys `rm` moved aside, kept TRASH_DAYS days (the window's Trash). */
export function registerTrashCommands(program: Command, context: CliContext): void {
  const { terminal } = context
  const trash = program
    .command('trash')
    .description(`keys moved to the Trash by rm, kept ${TRASH_DAYS} days: list, restore, delete for good`)

  trash
    .command('list')
    .description('the keys in the Trash, most recently deleted first (never values)')
    .option('-j, --json', 'print JSON')
    .action(async (flags: { json?: boolean }) => {
      const keys = await withVault(context, (session) => listTrash(session))
      if (flags.json === true) return json(terminal, keys)
      if (keys.length === 0) return terminal.err('The Trash is empty.')
      table(
        terminal,
        ['REF', 'ENVIRONMENT', 'DELETED', 'GONE FOR GOOD'],
        keys.map((key) => [key.ref, key.environment, key.trashedAt.slice(0, 10), key.goneAt.slice(0, 10)]),
      )
    })

  trash
    .command('restore <REF>')
    .description('put a key back as it was: its values, history, .env files and snooze')
    .option('-j, --json', 'print the restored key as JSON')
    .action(async (ref: string, flags: { json?: boolean }) => {
      const key = await withVault(context, (session) => restoreKey(session, findTrashed(session, ref).id))
      if (flags.json === true) return json(terminal, { restored: key.ref })
      terminal.err(`Restored ${key.ref}.`)
    })

  trash
    .command('rm <REF>')
    .description('delete one key in the Trash for good, with every stored version of its value')
    .option('--yes', 'do not ask for confirmation')
    .option('-j, --json', 'print the deleted key as JSON')
    .action(async (ref: string, flags: { yes?: boolean; json?: boolean }) => {
      const key = await withVault(context, async (session) => {
        const found = findTrashed(session, ref)
        if (flags.yes !== true)
          await confirmOrStop(terminal, `Delete ${found.ref} and all its stored values for good?`, 'Not deleted')
        return deleteTrashedForever(session, found.id)
      })
      if (flags.json === true) return json(terminal, { deleted: key.ref })
      terminal.err(`Deleted ${key.ref} for good.`)
    })

  trash
    .command('empty')
    .description('delete every key in the Trash for good')
    .option('--yes', 'do not ask for confirmation')
    .option('-j, --json', 'print how many keys were deleted as JSON')
    .action(async (flags: { yes?: boolean; json?: boolean }) => {
      const count = await withVault(context, async (session) => {
        const held = trashCount(session)
        if (held > 0 && flags.yes !== true)
          await confirmOrStop(
            terminal,
            `Delete the ${held} key${held === 1 ? '' : 's'} in the Trash and their values for good?`,
            'Not emptied',
          )
        return emptyTrash(session)
      })
      if (flags.json === true) return json(terminal, { deleted: count })
      terminal.err(count === 0 ? 'The Trash is empty.' : `Deleted ${count} key${count === 1 ? '' : 's'} for good.`)
    })
}
