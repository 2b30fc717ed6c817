import type { Migration } from './migration'

/** A key's recent activity, for its detail pane: read by key id, newest first, without scanning the whole trail. */
export const eventsByKey: Migration = {
  version: 40,
  name: 'events-by-key',
  up: (db) => db.exec('CREATE INDEX events_by_key ON events (key_id, id)'),
}
