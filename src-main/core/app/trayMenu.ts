import { keysNeedingAttention } from '../keys/deadlineStore'
import { providerFor } from '../providers/customProviders'
import { verifyKey } from '../providers/keyOperations'
import type { HttpDeps } from '../providers/providerHttp'
import { attention } from '../reminders/attention'
import { KeywardError } from '../errors'
import type { VaultService } from '../vault/VaultService'
import { remindBeforeDefault } from '../vault/settings'

/** One entry of the tray's menu, as data: the Electron adapter turns it into a menu item. No value, ever. */
export type TrayItem =
  | { readonly kind: 'open' }
  | { readonly kind: 'lock' }
  | { readonly kind: 'unlock' }
  | {
      readonly kind: 'due'
      readonly count: number
      readonly keys: readonly { readonly id: string; readonly label: string }[]
    }
  | { readonly kind: 'verify-due'; readonly count: number }
  | { readonly kind: 'separator' }
  | { readonly kind: 'quit' }

const DUE_IN_MENU = 10

/**
 * The tray menu (UI.md §4.17): Open; Lock now or Unlock…; "Due: N" — the keys by name while unlocked (each opens its
 * detail), the count alone while locked (it opens Needs attention after the unlock); Verify all due; Quit.
 */
export async function trayMenu(vault: VaultService, lockedDueCount: number): Promise<TrayItem[]> {
  const head: TrayItem[] = [{ kind: 'open' }, vault.state === 'unlocked' ? { kind: 'lock' } : { kind: 'unlock' }]
  const tail: TrayItem[] = [{ kind: 'separator' }, { kind: 'quit' }]
  if (vault.state !== 'unlocked')
    return [
      ...head,
      ...(lockedDueCount > 0 ? [{ kind: 'due' as const, count: lockedDueCount, keys: [] }] : []),
      ...tail,
    ]
  const { items, itemsTotal: count } = await vault.run(({ session }) => attention(session), { activity: false })
  if (count === 0) return [...head, ...tail]
  const keys = items
    .slice(0, DUE_IN_MENU)
    .map((item) => ({ id: item.key.id, label: `${item.key.ref} — ${item.state}` }))
  return [...head, { kind: 'separator' }, { kind: 'due', count, keys }, { kind: 'verify-due', count }, ...tail]
}

/**
 * "Verify all due" from the tray: each due key whose provider verifies by API, one at a time, the answer stored as
 * `keyward verify` stores it; returns the summary for a notification ("3 verified: 2 live, 1 invalid").
 */
export async function verifyDueKeys(vault: VaultService, http: HttpDeps): Promise<string> {
  const ids = await vault.run(({ session }) =>
    keysNeedingAttention(session, remindBeforeDefault(session), Number.POSITIVE_INFINITY)
      .keys.filter((key) => providerFor(session, key.provider)?.provider.capabilities.verify === 'api')
      .map((key) => key.id),
  )
  const tally = { live: 0, invalid: 0, unreachable: 0 }
  for (const id of ids) {
    try {
      await vault.run(({ session, signal }) => verifyKey(session, id, { ...http, signal }))
      tally.live += 1
    } catch (error) {
      if (!(error instanceof KeywardError) || error.code === 'VAULT_LOCKED') throw error
      if (error.code === 'KEY_REJECTED') tally.invalid += 1
      else tally.unreachable += 1
    }
  }
  if (ids.length === 0) return "No due key can be verified by its provider's API."
  return `${ids.length} due key${ids.length === 1 ? '' : 's'} verified: ${tally.live} live, ${tally.invalid} invalid, ${tally.unreachable} not checked.`
}
