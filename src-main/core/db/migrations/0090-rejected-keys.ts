import type { Migration } from './migration'

/**
 * Keys the provider rejected at their last verify need attention like expired ones (issue 19): a partial index holds
 * just them, so Needs attention, its count and the tray's stay indexed reads at 100k keys. A key's stored answer was
 * kept across a new value before; such answers speak of a value the key no longer holds, so they are cleared here as
 * replaceValue clears them from now on.
 */
export const rejectedKeys: Migration = {
  version: 90,
  name: 'rejected-keys',
  up: (db) =>
    db.exec(`
      UPDATE keys SET last_verified_at = NULL, last_verify_result = NULL
        WHERE last_verified_at IS NOT NULL AND last_verified_at <
          (SELECT max(created_at) FROM secret_versions WHERE secret_versions.key_id = keys.id);
      CREATE INDEX keys_rejected ON keys (provider, name) WHERE status = 'active' AND last_verify_result = 'invalid';
    `),
}
