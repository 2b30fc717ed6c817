import type { Migration } from './migration'

/**
 * The Trash (issue 22): a deleted key is moved out of `keys` whole — its row as JSON, its value versions still sealed,
 * its usages and reminder — and can be put back for 30 days, after which it is deleted with its values. Moving it out
 * (rather than a `trashed_at` column on `keys`) keeps every existing read of `keys` — search, counts, Needs attention,
 * `.env` writes, duplicate checks, the agent — blind to trashed keys without a condition in each of them.
 * `trash_versions` mirrors `secret_versions` column for column: a password change re-seals both (resealValues.ts).
 */
export const trash: Migration = {
  version: 100,
  name: 'trash',
  up: (db) =>
    db.exec(`
      CREATE TABLE trash (
        key_id TEXT PRIMARY KEY,
        provider TEXT NOT NULL,
        name TEXT NOT NULL,
        trashed_at TEXT NOT NULL,
        key_row TEXT NOT NULL CHECK (json_valid(key_row)),
        usages TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(usages)),
        reminder TEXT CHECK (reminder IS NULL OR json_valid(reminder))
      );
      CREATE INDEX trash_by_time ON trash (trashed_at);

      CREATE TABLE trash_versions (
        id TEXT PRIMARY KEY,
        key_id TEXT NOT NULL REFERENCES trash (key_id) ON DELETE CASCADE,
        sealed BLOB NOT NULL,
        fingerprint TEXT NOT NULL,
        hint TEXT NOT NULL,
        created_at TEXT NOT NULL,
        retired_at TEXT,
        retired_reason TEXT
      );
      CREATE INDEX trash_versions_by_key ON trash_versions (key_id);
    `),
}
