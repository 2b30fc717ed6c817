import type { Handlers } from '../ipc/handle'
import { findKeys } from '../keys/keyQuery'
import { countNeedingAttention, keysRejected } from '../keys/deadlineStore'
import { countKeys, countsBy, firstNamedLike, positionOf, selectWindow } from '../keys/keyStore'
import { trashCount } from '../keys/trashStore'
import { remindBeforeDefault } from '../vault/settings'
import type { VaultService } from '../vault/VaultService'
import { idOf, summarize } from './keySummary'

export type KeyListChannel = 'keys:window' | 'keys:counts' | 'keys:locate' | 'keys:search'

/**
 * The list's channels. The window never holds the whole vault: it asks for the rows it shows (`keys:window`), the
 * sidebar's counts (`keys:counts`) and where a key stands (`keys:locate`); a search answers its best matches only.
 */
export function createKeyListHandlers(vault: VaultService): Pick<Handlers, KeyListChannel> {
  return {
    'keys:window': ({ offset, limit }) =>
      vault.run(({ session }) => ({
        total: countKeys(session),
        keys: selectWindow(session, offset, limit).map(summarize(session)),
      })),
    'keys:counts': () =>
      vault.run(({ session }) => ({
        total: countKeys(session),
        attention: countNeedingAttention(session, remindBeforeDefault(session)),
        rejected: keysRejected(session, 0).total,
        trash: trashCount(session),
        providers: countsBy(session, 'provider'),
        environments: countsBy(session, 'environment'),
        tags: countsBy(session, 'tag'),
      })),
    'keys:locate': (request) =>
      vault.run(({ session }) => {
        const id = 'id' in request ? idOf(request.id) : firstNamedLike(session, request.namePrefix)
        const index = id === undefined ? undefined : positionOf(session, id)
        return id !== undefined && index !== undefined ? { index, id } : { index: null, id: null }
      }),
    'keys:search': ({ query, limit }) =>
      vault.run(({ session }) => ({ keys: findKeys(session, query, limit).map(summarize(session)) })),
  }
}
