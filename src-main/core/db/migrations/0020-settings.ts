import type { Migration } from './migration'

/** Vault-wide settings (the default remind-before window …), one row per setting, values as JSON. */
export const settings: Migration = {
  version: 20,
  name: 'settings',
  up: (db) =>
    db.exec(`
      CREATE TABLE settings (
        name TEXT PRIMARY KEY,
        value TEXT NOT NULL CHECK (json_valid(value)),
        updated_at TEXT NOT NULL
      );
    `),
}
