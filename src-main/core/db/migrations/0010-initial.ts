import type { Migration } from './migration'

/** The data model of DESIGN §4. Values live only in secret_versions, sealed a second time (see keyRepository). */
export const initial: Migration = {
  version: 10,
  name: 'initial',
  up: (db) =>
    db.exec(`
      CREATE TABLE keys (
        id TEXT PRIMARY KEY,
        provider TEXT NOT NULL,
        name TEXT NOT NULL,
        env_var TEXT,
        environment TEXT NOT NULL DEFAULT 'development',
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'revoked')),
        metadata TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(metadata)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        expires_at TEXT,
        rotated_at TEXT,
        rotate_every_days INTEGER CHECK (rotate_every_days IS NULL OR rotate_every_days > 0),
        remind_before_days INTEGER CHECK (remind_before_days IS NULL OR remind_before_days >= 0),
        last_verified_at TEXT,
        last_verify_result TEXT,
        last_used_at TEXT,
        usage_count INTEGER,
        notes TEXT NOT NULL DEFAULT '',
        tags TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags)),
        hint TEXT NOT NULL DEFAULT '',
        fingerprint TEXT NOT NULL,
        UNIQUE (provider, name)
      );
      CREATE INDEX keys_fingerprint ON keys (fingerprint);

      CREATE TABLE secret_versions (
        id TEXT PRIMARY KEY,
        key_id TEXT NOT NULL REFERENCES keys (id) ON DELETE CASCADE,
        sealed BLOB NOT NULL,
        fingerprint TEXT NOT NULL,
        hint TEXT NOT NULL,
        created_at TEXT NOT NULL,
        retired_at TEXT,
        retired_reason TEXT
      );
      CREATE UNIQUE INDEX secret_versions_one_current ON secret_versions (key_id) WHERE retired_at IS NULL;
      CREATE INDEX secret_versions_by_key ON secret_versions (key_id, created_at);

      CREATE TABLE usages (
        id INTEGER PRIMARY KEY,
        key_id TEXT NOT NULL REFERENCES keys (id) ON DELETE CASCADE,
        file_path TEXT NOT NULL,
        variable TEXT NOT NULL,
        written_at TEXT NOT NULL,
        UNIQUE (key_id, file_path, variable)
      );

      CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        action TEXT NOT NULL,
        key_id TEXT,
        key_ref TEXT,
        actor TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail))
      );
      CREATE INDEX events_by_time ON events (at);

      CREATE TABLE reminders (
        key_id TEXT PRIMARY KEY REFERENCES keys (id) ON DELETE CASCADE,
        snoozed_until TEXT,
        last_notified_state TEXT,
        last_notified_at TEXT
      );

      CREATE TABLE providers (
        id TEXT PRIMARY KEY,
        definition TEXT NOT NULL CHECK (json_valid(definition)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

      -- Trigram full-text index over the searchable metadata (never a value), kept in step by triggers.
      CREATE VIRTUAL TABLE keys_search USING fts5 (
        name, provider, env_var, environment, tags, notes,
        content = 'keys', content_rowid = 'rowid', tokenize = 'trigram'
      );
      CREATE TRIGGER keys_search_insert AFTER INSERT ON keys BEGIN
        INSERT INTO keys_search (rowid, name, provider, env_var, environment, tags, notes)
        VALUES (new.rowid, new.name, new.provider, new.env_var, new.environment, new.tags, new.notes);
      END;
      CREATE TRIGGER keys_search_delete AFTER DELETE ON keys BEGIN
        INSERT INTO keys_search (keys_search, rowid, name, provider, env_var, environment, tags, notes)
        VALUES ('delete', old.rowid, old.name, old.provider, old.env_var, old.environment, old.tags, old.notes);
      END;
      CREATE TRIGGER keys_search_update AFTER UPDATE OF name, provider, env_var, environment, tags, notes ON keys BEGIN
        INSERT INTO keys_search (keys_search, rowid, name, provider, env_var, environment, tags, notes)
        VALUES ('delete', old.rowid, old.name, old.provider, old.env_var, old.environment, old.tags, old.notes);
        INSERT INTO keys_search (rowid, name, provider, env_var, environment, tags, notes)
        VALUES (new.rowid, new.name, new.provider, new.env_var, new.environment, new.tags, new.notes);
      END;
    `),
}
