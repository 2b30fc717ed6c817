import type { Migration } from './migration'

/**
 * The keys that seal values and fingerprint them, kept inside the encrypted database instead of being derived
 * from the database key, so a password change can re-key every page with a new random database key (old password
 * + old header then open nothing newer) without re-sealing each value. The first unlock after this migration
 * stores the keys the vault has been deriving until then, so every sealed value stays readable.
 */
export const valueKeys: Migration = {
  version: 30,
  name: 'value-keys',
  up: (db) =>
    db.exec(`
      CREATE TABLE value_keys (
        purpose TEXT PRIMARY KEY CHECK (purpose IN ('secret-values', 'value-fingerprints')),
        key BLOB NOT NULL CHECK (typeof(key) = 'blob' AND length(key) = 32)
      );
    `),
}
