import type { PeerInfo } from './PeerIdentity'

/** One key in an approval prompt. */
export interface ApprovalKey {
  readonly ref: string
  readonly environment: string
}

/** What the agent asks a person to allow. */
export interface ApprovalRequest {
  /** `metadata`: the caller may list and search key names; `values`: it gets these keys' values. */
  readonly kind: 'metadata' | 'values'
  readonly keys: readonly ApprovalKey[]
  /** What the values are for, in words: "print to the terminal", "run npm", "write /home/me/shop/.env". */
  readonly purpose: string
  readonly peer: PeerInfo
  /** Whether "allow for this terminal" may be offered (the caller has a terminal session). */
  readonly canRemember: boolean
}

export type Approval = 'deny' | 'once' | 'terminal'

/** Asks a person (the app's prompt) or a policy (the headless agent's --allow patterns). */
export interface Approver {
  /** Whether `ask` puts the question to a person (the app's dialog) rather than a policy (`--allow` patterns). */
  readonly asksPerson: boolean
  ask(request: ApprovalRequest, signal: AbortSignal): Promise<Approval>
}
