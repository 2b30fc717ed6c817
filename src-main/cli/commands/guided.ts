import { KeywardError } from '../../core/errors'
import type { KeyRecord } from '../../core/keys/keyRecord'
import { setKeyValue } from '../../core/keys/keyRepository'
import { recordEvent } from '../../core/vault/audit'
import { verifyKey } from '../../core/providers/keyOperations'
import type { ProviderDefinition } from '../../core/providers/providerDefinition'
import type { HttpDeps } from '../../core/providers/providerHttp'
import type { VaultSession } from '../../core/vault/VaultSession'
import type { Terminal } from '../terminal'

export function needsDashboard(provider: ProviderDefinition, what: string): KeywardError {
  return new KeywardError('NEEDS_DASHBOARD', `${provider.name} keys are ${what} in its dashboard (${provider.dashboardUrl ?? 'see the provider'}): run this on a terminal to be guided step by step.`)
}

/**
 * Guided rotation for providers without a rotation API: create the new key in the dashboard → paste it (hidden)
 * → Keyward stores it (the old value retired) and verifies it → update what uses the old key → delete the old key
 * in the dashboard.
 */
export async function guidedRotation(terminal: Terminal, session: VaultSession, key: KeyRecord, provider: ProviderDefinition, http: HttpDeps): Promise<void> {
  terminal.err(`Rotating ${key.ref} (${provider.name}) — guided, because ${provider.name} has no rotation API.`)
  terminal.err(`1. Open ${provider.dashboardUrl ?? 'the provider\'s dashboard'} and create a new key with the same permissions${key.environment === 'production' ? ' (production)' : ''}.`)
  const value = await terminal.promptHidden('2. Paste the new key here (hidden): ')
  if (value === null || value.trim() === '') throw new KeywardError('INVALID_INPUT', 'No new key pasted; nothing changed.')
  setKeyValue(session, key.ref, value.trim(), 'rotated (guided)')
  terminal.err('   Stored; the old value is kept as a retired version.')
  if (provider.capabilities.verify === 'api') {
    const verified = await verifyKey(session, key.ref, http)
    terminal.err(`3. Verified: ${verified.summary}`)
  }
  terminal.err('4. Update every integration that still uses the old key (keyward get prints the new one).')
  if (await terminal.confirm(`5. Delete or revoke the OLD key in ${provider.name}'s dashboard now. Done?`)) terminal.err('Rotation complete.')
  else terminal.err(`Remember to delete the old key in ${provider.name}'s dashboard: it still works there.`)
}

/** Guided revocation: revoke in the dashboard, then Keyward marks the key revoked. */
export async function guidedRevocation(terminal: Terminal, session: VaultSession, key: KeyRecord, provider: ProviderDefinition): Promise<boolean> {
  terminal.err(`Revoke ${key.ref} in ${provider.name}'s dashboard: ${provider.dashboardUrl ?? ''}`)
  for (const advice of provider.advice) terminal.err(`Note: ${advice}`)
  if (!(await terminal.confirm('Revoked there?'))) return false
  session.sql("UPDATE keys SET status = 'revoked', updated_at = ? WHERE id = ?").run(session.clock.now().toISOString(), key.id)
  recordEvent(session, 'revoked', { keyId: key.id, keyRef: key.ref }, { method: 'guided' })
  return true
}
