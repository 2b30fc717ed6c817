import type { Handlers } from '../ipc/handle'
import { listCustomProviders, removeCustomProvider, saveCustomProvider } from '../providers/customProviders'
import type { VaultService } from '../vault/VaultService'

export type CustomProviderChannel = 'providers:custom' | 'provider:save' | 'provider:remove'

/** Custom providers in the window: the same store and validation as `keyward provider add / list / rm`. */
export function createCustomProviderHandlers(vault: VaultService): Pick<Handlers, CustomProviderChannel> {
  return {
    'providers:custom': () => vault.run(({ session }) => ({ providers: listCustomProviders(session) })),
    'provider:save': ({ provider }) =>
      vault.run(({ session }) => ({ provider: saveCustomProvider(session, provider) })),
    'provider:remove': ({ id }) =>
      vault.run(({ session }) => {
        removeCustomProvider(session, id)
        return {}
      }),
  }
}
