import { initial } from './0010-initial'
import { settings } from './0020-settings'
import { valueKeys } from './0030-value-keys'
import { eventsByKey } from './0040-events-by-key'
import { rotations } from './0050-rotations'
import { dashboardIndexes } from './0060-dashboard-indexes'
import { vaultState } from './0070-vault-state'
import { usageOrigin } from './0080-usage-origin'
import { rejectedKeys } from './0090-rejected-keys'
import { trash } from './0100-trash'
import type { Migration } from './migration'

/** Every migration, in order. */
export const migrations: readonly Migration[] = [
  initial,
  settings,
  valueKeys,
  eventsByKey,
  rotations,
  dashboardIndexes,
  vaultState,
  usageOrigin,
  rejectedKeys,
  trash,
]
