import type { Migration } from './migration'

/**
 * Needs attention and Health at 100k keys (UI.md §4.11: ≤50 ms): each section read through an index instead of a
 * scan of every key. A key's next rotation day, its deadline (the sooner of expiry and rotation; '9999-12-31' when it
 * has neither) and its last use are generated columns, so no code path can let them drift from what they derive from.
 * The last local use (reveal or export) was a correlated max() over the audit trail per key: a trigger keeps it on
 * the key as events are written, and the migration fills it from the trail so far. The indexes are partial (active
 * keys only) rather than led by `status`, so queries that filter on status and look up by fingerprint or name keep
 * their own indexes.
 */
export const dashboardIndexes: Migration = {
  version: 60,
  name: 'dashboard-indexes',
  up: (db) =>
    db.exec(`
      ALTER TABLE keys ADD COLUMN rotation_due TEXT
        GENERATED ALWAYS AS (date(coalesce(rotated_at, created_at), '+' || rotate_every_days || ' days')) VIRTUAL;
      ALTER TABLE keys ADD COLUMN deadline TEXT
        GENERATED ALWAYS AS (min(coalesce(expires_at, '9999-12-31'), coalesce(rotation_due, '9999-12-31'))) VIRTUAL;
      ALTER TABLE keys ADD COLUMN local_used_at TEXT;
      ALTER TABLE keys ADD COLUMN last_use TEXT GENERATED ALWAYS AS (coalesce(last_used_at, local_used_at, created_at)) VIRTUAL;

      UPDATE keys SET local_used_at =
        (SELECT max(at) FROM events WHERE events.key_id = keys.id AND action IN ('revealed', 'exported'));
      CREATE TRIGGER keys_local_use AFTER INSERT ON events
        WHEN NEW.action IN ('revealed', 'exported') AND NEW.key_id IS NOT NULL
        BEGIN
          UPDATE keys SET local_used_at = max(coalesce(local_used_at, ''), NEW.at) WHERE id = NEW.key_id;
        END;

      CREATE INDEX keys_deadline ON keys (deadline) WHERE status = 'active';
      CREATE INDEX keys_expiry ON keys (expires_at) WHERE status = 'active' AND expires_at IS NOT NULL;
      CREATE INDEX keys_rotation_due ON keys (rotation_due) WHERE status = 'active' AND rotate_every_days IS NOT NULL;
      CREATE INDEX keys_remind_before ON keys (remind_before_days);
      CREATE INDEX keys_undated ON keys (provider, name) WHERE status = 'active' AND expires_at IS NULL AND rotate_every_days IS NULL;
      CREATE INDEX keys_last_use ON keys (last_use) WHERE status = 'active';
    `),
}
