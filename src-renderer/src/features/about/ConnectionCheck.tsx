import { useEffect } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useKeywardStore } from '../../store'

/** Sends `app:ping` and shows the events main sends back: proof that both directions of IPC work. */
export function ConnectionCheck() {
  const { pingsReceived, ping, listenForPings } = useKeywardStore(
    useShallow((state) => ({
      pingsReceived: state.pingsReceived,
      ping: state.ping,
      listenForPings: state.listenForPings,
    })),
  )
  useEffect(() => listenForPings(), [listenForPings])

  const last = pingsReceived.at(-1)
  return (
    <div className="connection-check">
      <button type="button" onClick={() => void ping()}>
        Check connection
      </button>
      <span role="status" data-testid="ping-status">
        {last === undefined ? 'Not checked yet' : `Main process answered ping #${last}`}
      </span>
    </div>
  )
}
