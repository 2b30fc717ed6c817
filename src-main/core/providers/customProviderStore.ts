import type { VaultSession } from '../vault/VaultSession'

/** The `providers` table: each custom provider's definition as JSON, by id. */

export function providerDefinitions(session: VaultSession): string[] {
  return session.sql('SELECT definition FROM providers ORDER BY id').pluck().all() as string[]
}

export function providerDefinition(session: VaultSession, id: string): string | undefined {
  return session.sql('SELECT definition FROM providers WHERE id = ?').pluck().get(id) as string | undefined
}

export function upsertProviderDefinition(session: VaultSession, id: string, definition: string, now: string): void {
  session
    .sql(
      `INSERT INTO providers (id, definition, created_at, updated_at) VALUES (?, ?, ?, ?)
          ON CONFLICT (id) DO UPDATE SET definition = excluded.definition, updated_at = excluded.updated_at`,
    )
    .run(id, definition, now, now)
}

/** False when there was no such provider. */
export function deleteProviderDefinition(session: VaultSession, id: string): boolean {
  return session.sql('DELETE FROM providers WHERE id = ?').run(id).changes > 0
}
