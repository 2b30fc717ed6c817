import { KeywardError } from '../errors'
import type { Handlers } from '../ipc/handle'
import { deleteTrashedForever, emptyTrash, listTrash, restoreKey, trashKey } from '../keys/trashStore'
import type { VaultService } from '../vault/VaultService'
import { idOf } from './keySummary'

export type TrashChannel = 'key:trash' | 'trash:list' | 'trash:restore' | 'trash:delete' | 'trash:empty'

/** The window's Trash: Delete moves a key there (with Undo = restore); Delete forever asks for the name, here too. */
export function createTrashHandlers(vault: VaultService): Pick<Handlers, TrashChannel> {
  return {
    'key:trash': ({ id }) => vault.run(({ session }) => ({ goneAt: trashKey(session, idOf(id)).goneAt })),
    'trash:list': () => vault.run(({ session }) => ({ keys: listTrash(session) })),
    'trash:restore': async ({ id }) => {
      await vault.run(({ session }) => restoreKey(session, idOf(id)))
      return {}
    },
    'trash:delete': async ({ id, confirmName }) => {
      await vault.run(({ session }) => {
        const trashed = listTrash(session).find((key) => key.id === id)
        if (trashed === undefined) throw new KeywardError('NOT_FOUND', 'That key is not in the Trash.')
        // The dialog asks for the typed name; main checks it too, so no other caller deletes by a click.
        if (confirmName !== trashed.name)
          throw new KeywardError(
            'INVALID_INPUT',
            `Type the key's name (${trashed.name}) to delete it; nothing was deleted.`,
          )
        deleteTrashedForever(session, trashed.id)
      })
      return {}
    },
    'trash:empty': () => vault.run(({ session }) => ({ deleted: emptyTrash(session) })),
  }
}
