import { initial } from './0010-initial'
import type { Migration } from './migration'

/** Every migration, in order. */
export const migrations: readonly Migration[] = [initial]
