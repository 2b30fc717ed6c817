import type { Migration } from './migration'

/**
 * Why a file is in `usages`: Keyward wrote the key there (`written`), or the key was imported from it (`imported`).
 * Only the first makes the file one the window may write that key to again without the user picking it: importing
 * from a file is not consent to write every key into it. Rows from before are taken as written (it cannot be told).
 */
export const usageOrigin: Migration = {
  version: 80,
  name: 'usage-origin',
  up: (db) =>
    db.exec(
      "ALTER TABLE usages ADD COLUMN origin TEXT NOT NULL DEFAULT 'written' CHECK (origin IN ('written', 'imported'))",
    ),
}
