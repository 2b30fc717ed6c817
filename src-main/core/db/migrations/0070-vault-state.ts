import type { Migration } from './migration'

/**
 * Facts about the vault file itself, kept inside the encrypted database. `generation` counts password changes: the
 * header (vault.json) carries the same number, so an opener can tell that the header it unwrapped the key with
 * belongs to the database it opened, and a device can tell that the pair was put back to an older one.
 */
export const vaultState: Migration = {
  version: 70,
  name: 'vault-state',
  up: (db) =>
    db.exec(`
      CREATE TABLE vault_state (
        name TEXT PRIMARY KEY CHECK (name IN ('generation')),
        value INTEGER NOT NULL CHECK (typeof(value) = 'integer' AND value >= 0)
      ) STRICT;
    `),
}
