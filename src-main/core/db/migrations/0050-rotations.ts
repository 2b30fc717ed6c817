import type { Migration } from './migration'

/**
 * The journal of rotations under way: which step comes next and what each step did (never a value — the new value
 * waits sealed in its pending-rotation file until stored). A lock, quit or crash resumes at `step`.
 */
export const rotations: Migration = {
  version: 50,
  name: 'rotations',
  up: (db) =>
    db.exec(`CREATE TABLE rotations (
      key_id TEXT PRIMARY KEY REFERENCES keys (id) ON DELETE CASCADE,
      next_step TEXT NOT NULL,
      retire TEXT NOT NULL,
      started_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      log TEXT NOT NULL DEFAULT '[]'
    ) STRICT`),
}
