import { KeywardError } from '../../core/errors'
import type { KeyRecord } from '../../core/keys/keyRecord'
import {
  confirmGuidedRevocation,
  GuidedRotation,
  guidedRevocationStep,
  type DashboardStep,
} from '../../core/providers/guidedSteps'
import type { ProviderDefinition } from '../../core/providers/providerDefinition'
import type { HttpDeps } from '../../core/providers/providerHttp'
import type { VaultSession } from '../../core/vault/VaultSession'
import { parseExpiry } from '../keyOptions'
import type { Terminal } from '../terminal'

export function needsDashboard(provider: ProviderDefinition, what: string): KeywardError {
  return new KeywardError(
    'NEEDS_DASHBOARD',
    `${provider.name} keys are ${what} in its dashboard (${provider.dashboardUrl ?? 'see the provider'}): run this on a terminal to be guided step by step.`,
  )
}

function where(dashboard: DashboardStep): string {
  return dashboard.dashboardUrl ?? `${dashboard.provider}'s dashboard`
}

/** Prompts for the core GuidedRotation step machine: create → paste (verified before stored) → propagate → revoke old. */
export async function guidedRotation(
  terminal: Terminal,
  session: VaultSession,
  key: KeyRecord,
  http: HttpDeps,
  expires: string | null | undefined,
): Promise<void> {
  const rotation = GuidedRotation.start(session, key.id, http)
  const start = rotation.current
  if (start.step !== 'create-in-dashboard') return
  const { dashboard } = start
  terminal.err(
    `Rotating ${key.ref} (${dashboard.provider}) — guided, because ${dashboard.provider} has no rotation API.`,
  )
  terminal.err(
    `1. Open ${where(dashboard)} and create a new key with the same permissions${dashboard.sameEnvironment === 'production' ? ' (production)' : ''}.`,
  )
  for (const advice of dashboard.advice) terminal.err(`   Note: ${advice}`)
  const pairId =
    dashboard.pairLabel === null ? undefined : ((await terminal.ask(`2. The new key's ${dashboard.pairLabel}: `)) ?? '')
  const pasted = await terminal.promptHidden(
    pairId === undefined
      ? '2. Paste the new key here (hidden): '
      : "   Then paste the new key's secret here (hidden): ",
  )
  if (pasted === null) throw new KeywardError('INVALID_INPUT', 'No new key pasted; nothing changed.')
  const expiresAt = expires !== undefined ? expires : await askExpiry(terminal, key)
  const stored = await rotation.submitCandidate(pasted, pairId, { expiresAt })
  if (stored.step !== 'revoke-old-in-dashboard') return
  if (stored.verified !== null) terminal.err(`3. Verified the new key: ${stored.verified}`)
  terminal.err('   Stored; the old value is kept as a retired version.')
  for (const update of stored.files) terminal.err(`4. ${update.file} (${update.variable}): ${update.outcome}`)
  terminal.err(
    `${stored.files.length > 0 ? '   Then update' : '4. Update'} every other integration that still uses the old key (keyward get prints the new one).`,
  )
  const done = await terminal.confirm(`5. Delete or revoke the OLD key in ${dashboard.provider}'s dashboard now. Done?`)
  const finished = await rotation.confirmOldRevoked(done)
  if (done && finished.step === 'done' && finished.proof !== null) terminal.err(`6. ${finished.proof}`)
  if (done) terminal.err('Rotation complete.')
  else terminal.err(`Remember to delete the old key in ${dashboard.provider}'s dashboard: it still works there.`)
}

/**
 * The new key's expiry, asked when the old one had a date (a new key rarely keeps it): a date, or Enter for none.
 * Undefined (keep the rule: a past date cleared, a future one kept) when the key had none or nobody can answer.
 */
export async function askExpiry(terminal: Terminal, key: KeyRecord): Promise<string | null | undefined> {
  if (key.expiresAt === null || !terminal.interactive) return undefined
  for (let attempt = 0; attempt < 3; attempt++) {
    const answer = (
      await terminal.ask(`   The new key's expiry (YYYY-MM-DD; Enter for none; was ${key.expiresAt}): `)
    )?.trim()
    if (answer === undefined) return undefined
    if (answer === '') return null
    try {
      return parseExpiry('The expiry', answer)
    } catch (error) {
      if (error instanceof KeywardError) terminal.err(error.message)
      else throw error
    }
  }
  throw new KeywardError('INVALID_INPUT', 'No valid expiry given; nothing changed.')
}

/** Guided revocation: revoke in the dashboard, then Keyward marks the key revoked. */
export async function guidedRevocation(terminal: Terminal, session: VaultSession, key: KeyRecord): Promise<boolean> {
  const { dashboard } = guidedRevocationStep(session, key.id)
  terminal.err(`Revoke ${key.ref} in ${dashboard.provider}'s dashboard: ${dashboard.dashboardUrl ?? ''}`)
  for (const advice of dashboard.advice) terminal.err(`Note: ${advice}`)
  if (!(await terminal.confirm('Revoked there?'))) return false
  confirmGuidedRevocation(session, key.id)
  return true
}
