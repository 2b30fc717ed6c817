import { KeywardError } from '../../core/errors'
import type { KeyRecord } from '../../core/keys/keyRecord'
import { propagateValue } from '../../core/dotenv/propagateValue'
import { readSecretValue, setKeyValue } from '../../core/keys/keyRepository'
import { recordEvent } from '../../core/vault/audit'
import { verifyCandidate, verifyKey } from '../../core/providers/keyOperations'
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
  const pasted = await terminal.promptHidden('2. Paste the new key here (hidden): ')
  const value = pasted?.trim() ?? ''
  if (value === '') throw new KeywardError('INVALID_INPUT', 'No new key pasted; nothing changed.')
  if (provider.capabilities.verify === 'api') {
    // Checked before storing: a mistyped key must not replace the working one.
    terminal.err(`3. Verified the new key: ${await verifyCandidate(session, key, value, http)}`)
  }
  const oldValue = readSecretValue(session, key.id)
  setKeyValue(session, key.ref, value, 'rotated (guided)')
  if (provider.capabilities.verify === 'api') await verifyKey(session, key.ref, http)
  terminal.err('   Stored; the old value is kept as a retired version.')
  const files = propagateValue(session, key.id, oldValue, value)
  for (const update of files) terminal.err(`4. ${update.file} (${update.variable}): ${update.outcome}`)
  terminal.err(`${files.length > 0 ? '   Then update' : '4. Update'} every other integration that still uses the old key (keyward get prints the new one).`)
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
