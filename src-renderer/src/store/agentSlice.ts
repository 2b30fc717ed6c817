import type { StateCreator } from 'zustand'
import type { EventPayloadOf } from '../../../src-preload/contract'
import { call } from './mainCall'
import type { KeywardStore } from './index'

export type AgentApproval = EventPayloadOf<'agent:approval'>

export interface AgentSlice {
  /** Requests from programs waiting for the person's answer, oldest first (one prompt at a time). */
  readonly approvals: readonly AgentApproval[]
  answerApproval(id: string, answer: 'deny' | 'once' | 'terminal'): Promise<void>
  /** Starts listening for agent prompts; returns the function that stops. */
  listenForApprovals(): () => void
}

export const createAgentSlice: StateCreator<KeywardStore, [], [], AgentSlice> = (set) => ({
  approvals: [],
  async answerApproval(id, answer) {
    set((state) => ({ approvals: state.approvals.filter((approval) => approval.id !== id) }))
    // An answer that arrives after main gave up (timeout, lock) is simply ignored there.
    await call('agent:answer', { id, answer }).catch(() => undefined)
  },
  listenForApprovals() {
    const stops = [
      window.keyward.subscribe('agent:approval', (approval) =>
        set((state) => ({ approvals: [...state.approvals, approval] })),
      ),
      window.keyward.subscribe('agent:approvalEnded', ({ id }) =>
        set((state) => ({ approvals: state.approvals.filter((approval) => approval.id !== id) })),
      ),
    ]
    return () => stops.forEach((stop) => stop())
  },
})
