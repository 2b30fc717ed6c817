import type { Clock } from '../ports/Clock'

/** "Allow for this terminal" lasts this long without use (refreshed on use)… */
export const GRANT_IDLE_MS = 10 * 60_000
/** …and never longer than this (1Password's numbers). */
export const GRANT_MAX_MS = 12 * 60 * 60_000

/** What a grant covers: the key list (names only), or one key's value for a kind of use. */
export type GrantTarget = { readonly kind: 'metadata' } | { readonly kind: 'value'; readonly keyId: string }

interface Grant {
  readonly createdAt: number
  lastUsed: number
}

const targetKey = (scope: string, target: GrantTarget) =>
  target.kind === 'metadata' ? `${scope}\0metadata` : `${scope}\0value\0${target.keyId}`

/**
 * Grants "for this terminal": per terminal session and target, 10 minutes idle and 12 hours at most. "Allow once"
 * is never stored. `clear()` ends every grant (the vault locked).
 */
export class GrantStore {
  private readonly grants = new Map<string, Grant>()

  constructor(private readonly clock: Clock) {}

  /** Whether the scope holds a live grant for the target; a hit counts as use. */
  holds(scope: string | null, target: GrantTarget): boolean {
    if (scope === null) return false
    const key = targetKey(scope, target)
    const grant = this.grants.get(key)
    if (grant === undefined) return false
    const now = this.clock.now().getTime()
    if (now - grant.lastUsed > GRANT_IDLE_MS || now - grant.createdAt > GRANT_MAX_MS) {
      this.grants.delete(key)
      return false
    }
    grant.lastUsed = now
    return true
  }

  grant(scope: string, targets: readonly GrantTarget[]): void {
    const now = this.clock.now().getTime()
    for (const target of targets) this.grants.set(targetKey(scope, target), { createdAt: now, lastUsed: now })
  }

  clear(): void {
    this.grants.clear()
  }

  get size(): number {
    return this.grants.size
  }
}
