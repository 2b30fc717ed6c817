import { initial } from './0010-initial'
import { settings } from './0020-settings'
import type { Migration } from './migration'

/** Every migration, in order. */
export const migrations: readonly Migration[] = [initial, settings]
