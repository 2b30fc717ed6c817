import { useId } from 'react'
import { Modal } from '../../components/Modal'
import { ShortcutTable } from './ShortcutTable'

/** Ctrl/⌘+/: every shortcut on one sheet (KeePassXC's Ctrl+/). Esc or Close returns focus where it was. */
export function ShortcutSheet({ onClose }: { readonly onClose: () => void }) {
  const titleId = useId()
  return (
    <Modal titleId={titleId} onClose={onClose} wide>
      <h2 id={titleId}>Keyboard shortcuts</h2>
      <p className="muted">Ctrl is ⌘ on a Mac. Shortcuts without Ctrl do nothing while you type in a field.</p>
      <ShortcutTable headingLevel="h3" />
      <div className="actions">
        <button type="button" className="primary" autoFocus onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  )
}
