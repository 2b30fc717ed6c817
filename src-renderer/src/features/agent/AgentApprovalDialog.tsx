import { useId } from 'react'
import { Modal } from '../../components/Modal'
import { useKeywardStore } from '../../store'
import type { AgentApproval } from '../../store/agentSlice'
import './agent.css'

/** "keyward (node) ← bash": who asks, as the system reports it. */
function Caller({ approval }: { readonly approval: AgentApproval }) {
  return (
    <dl className="agent-caller">
      <dt>Program</dt>
      <dd className="mono">{approval.chain}</dd>
      <dt>Terminal</dt>
      <dd className="mono">{approval.tty ?? 'none'}</dd>
      <dt>Folder</dt>
      <dd className="mono">{approval.cwd ?? 'unknown'}</dd>
    </dl>
  )
}

/**
 * A program (the keyward CLI, run by a person, a script or an AI agent) asks for key names or values. Deny has the
 * focus and Esc denies; nothing is allowed without a click. "For this terminal" is offered only to a program in a
 * terminal session, and ends after 10 idle minutes, 12 hours, or when the vault locks.
 */
export function AgentApprovalDialog() {
  const approval = useKeywardStore((state) => state.approvals[0])
  const waiting = useKeywardStore((state) => state.approvals.length)
  const answer = useKeywardStore((state) => state.answerApproval)
  const titleId = useId()
  if (approval === undefined) return null
  const production = approval.keys.filter((key) => key.environment === 'production').length
  const respond = (choice: 'deny' | 'once' | 'terminal') => void answer(approval.id, choice)
  return (
    <Modal key={approval.id} titleId={titleId} onClose={() => respond('deny')}>
      <h2 id={titleId}>
        {approval.kind === 'metadata'
          ? 'A program asks to list your key names'
          : `A program asks for ${approval.keys.length === 1 ? 'a key' : `${approval.keys.length} keys`}`}
      </h2>
      {approval.kind === 'values' ? (
        <>
          <p>To {approval.purpose}:</p>
          <ul className="agent-keys" aria-label="Keys asked for">
            {approval.keys.map((key) => (
              <li key={key.ref}>
                <span className="mono">{key.ref}</span>{' '}
                <span className={key.environment === 'production' ? 'agent-env agent-env-production' : 'agent-env'}>
                  {key.environment}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>Names, providers, environments and dates only — never values.</p>
      )}
      <Caller approval={approval} />
      {approval.stdoutTty === false ? (
        <p className="agent-warning" role="note">
          Its output goes to a pipe or a file, not a terminal: a script or an AI agent may be asking.
        </p>
      ) : null}
      {production > 0 ? (
        <p className="agent-warning" role="note">
          {production === 1 ? 'A production key' : `${production} production keys`}: allow once unless you are sure.
        </p>
      ) : null}
      {waiting > 1 ? <p className="muted">{waiting - 1} more waiting.</p> : null}
      <div className="actions">
        <button type="button" autoFocus onClick={() => respond('deny')}>
          Deny
        </button>
        <button type="button" onClick={() => respond('once')}>
          Allow once
        </button>
        {approval.canRemember ? (
          <button type="button" onClick={() => respond('terminal')}>
            Allow for this terminal
          </button>
        ) : null}
      </div>
    </Modal>
  )
}
