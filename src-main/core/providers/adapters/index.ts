import type { ProviderAdapter } from './adapter'
import { aisouleAdapter } from './aisoule'
import { elasticEmailAdapter } from './elasticEmail'
import { mailosaurAdapter } from './mailosaur'
import { soloAdapter } from './solo'
import { solenoidMeterAdapter } from './solenoidMeter'

/** Key-API adapters by provider id. */
export const adapters: Readonly<Record<string, ProviderAdapter>> = {
  solo: soloAdapter,
  mailosaur: mailosaurAdapter,
  aisoule: aisouleAdapter,
  'solenoid-meter': solenoidMeterAdapter,
  'elastic-email': elasticEmailAdapter,
}
