import { wellKnownCheckPath, wellKnownProviders } from '../builtinProviders'
import type { ProviderAdapter } from './adapter'
import { aisouleAdapter } from './aisoule'
import { elasticEmailAdapter } from './elasticEmail'
import { mailosaurAdapter } from './mailosaur'
import { soloAdapter } from './solo'
import { solenoidMeterAdapter } from './solenoidMeter'

/** Verification through one documented, read-only endpoint (well-known providers). */
function checkEndpointAdapter(name: string, path: string): ProviderAdapter {
  return {
    async verify(call) {
      await call({ path })
      return { outcome: 'live', metadata: {}, summary: `${name} accepted the key (GET ${path}).` }
    },
  }
}

const wellKnownAdapters = Object.fromEntries(
  wellKnownProviders.flatMap((provider) => {
    const path = wellKnownCheckPath(provider.id)
    return path === undefined ? [] : [[provider.id, checkEndpointAdapter(provider.name, path)]]
  }),
)

/** Key-API adapters by provider id. */
export const adapters: Readonly<Record<string, ProviderAdapter>> = {
  ...wellKnownAdapters,
  solo: soloAdapter,
  mailosaur: mailosaurAdapter,
  aisoule: aisouleAdapter,
  'solenoid-meter': solenoidMeterAdapter,
  'elastic-email': elasticEmailAdapter,
}
