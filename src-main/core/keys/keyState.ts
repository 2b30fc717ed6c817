import type { KeyRecord } from './keyRecord'
import { remindBeforeDefault } from '../vault/settings'
import type { VaultSession } from '../vault/VaultSession'
import { reminderFor } from './reminderState'

/**
 * What a key's state is, in one place for every surface (the window's list, detail, palette and sidebar counts, the
 * tray, notifications, and the CLI's `list`, `show --json`, `due`, `health`), most urgent first:
 * - revoked: revoked at the provider (never due);
 * - expired, then **rejected** (the provider's last verify answered "invalid"), overdue, due: these need attention;
 * - unreachable (the last verify could not get an answer), restricted (live, limited), not verified (never asked:
 *   neutral, not a warning), ok.
 * The dates' part is reminderFor's rule; the provider's part is the last verify's stored result, which a new value
 * clears (keyStore.replaceValue).
 */
export const KEY_STATE_KINDS = [
  'revoked',
  'expired',
  'rejected',
  'overdue',
  'due',
  'unreachable',
  'restricted',
  'unverified',
  'ok',
] as const
export type KeyStateKind = (typeof KEY_STATE_KINDS)[number]

/** The kinds that count in Needs attention, the tray's count and `keyward due` (deadlineStore's ATTENTION_SQL). */
export const ATTENTION_KINDS: readonly KeyStateKind[] = ['expired', 'rejected', 'overdue', 'due']

/** The stored verify result of a key the provider rejected (keyOperations.audited writes it for KEY_REJECTED). */
export const REJECTED_RESULT = 'invalid'

export interface KeyState {
  readonly kind: KeyStateKind
  /** Why, in the user's words. */
  readonly reason: string
  /** The sooner of expiry and next rotation (YYYY-MM-DD), or null. */
  readonly deadline: string | null
  readonly attention: boolean
}

/** A stored verify result that is neither an answer about the key nor a rejection: the provider was not reached. */
function unreachable(result: string | null): boolean {
  return result !== null && result !== 'ok' && result !== 'restricted' && result !== REJECTED_RESULT
}

export function keyStateOf(key: KeyRecord, now: Date, defaultRemindBefore: number): KeyState {
  const reminder = reminderFor(key, now, defaultRemindBefore)
  const { deadline } = reminder
  const state = (kind: KeyStateKind, reason: string): KeyState => ({
    kind,
    reason,
    deadline,
    attention: ATTENTION_KINDS.includes(kind),
  })
  const verified = key.lastVerifiedAt?.slice(0, 10) ?? ''
  if (key.status === 'revoked') return state('revoked', 'revoked at the provider')
  if (reminder.state === 'expired') return state('expired', reminder.reason)
  if (key.lastVerifyResult === REJECTED_RESULT) {
    return state('rejected', `the provider rejected this key when it was last verified (${verified})`)
  }
  if (reminder.state !== 'ok') return state(reminder.state, reminder.reason)
  if (unreachable(key.lastVerifyResult)) {
    return state('unreachable', `the provider could not be reached when it was last verified (${verified})`)
  }
  if (key.lastVerifyResult === 'restricted') {
    return state('restricted', `live, but limited: the provider answered without full access (${verified})`)
  }
  if (key.lastVerifiedAt === null) return state('unverified', 'never verified with the provider')
  return state('ok', `live when last verified (${verified}); ${reminder.reason}`)
}

/** A key record with its state, as the CLI's `list`, `show` and `search` print it (text and --json). */
export type KeyWithState = KeyRecord & { readonly state: KeyState }

/** Adds each key's state under the session's clock and the vault's remind-before setting. */
export function withStates(session: VaultSession): (key: KeyRecord) => KeyWithState {
  const now = session.clock.now()
  const window = remindBeforeDefault(session)
  return (key) => ({ ...key, state: keyStateOf(key, now, window) })
}

/** A state as one word or two for a terminal's STATUS column. */
export const STATE_WORDS: Readonly<Record<KeyStateKind, string>> = {
  revoked: 'revoked',
  expired: 'expired',
  rejected: 'rejected',
  overdue: 'overdue',
  due: 'due',
  unreachable: 'unreachable',
  restricted: 'restricted',
  unverified: 'not verified',
  ok: 'live',
}
