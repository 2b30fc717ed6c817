import { Command } from 'cmdk'
import { useEffect, useId, useRef, useState } from 'react'
import type { KeySummary } from '../../../../src-preload/contract'
import { command } from '../../store/commands'
import { useKeywardStore } from '../../store'
import type { Page } from '../../store/vaultSlice'
import { Modal } from '../../components/Modal'

interface Action {
  readonly label: string
  readonly hint?: string
  readonly run: () => void
}

const FILTERS = [
  ['Expired keys', 'is:expired'],
  ['Keys due soon', 'is:due'],
  ['Keys overdue for rotation', 'is:overdue'],
  ['Keys never verified', 'is:unverified'],
  ['Revoked keys', 'is:revoked'],
] as const

const KEYS_SHOWN = 8

/**
 * Ctrl/⌘+K (UI.md §4.16): keys by name, provider or env var (main searches, as the list does; never a value),
 * the app's actions, and the list's filters — `cmdk` inline in the platform's own `<dialog>` (clean under the CSP).
 */
export function CommandPalette({ onClose }: { readonly onClose: () => void }) {
  const titleId = useId()
  const [query, setQuery] = useState('')
  const [keys, setKeys] = useState<readonly KeySummary[]>([])
  const seq = useRef(0)
  const input = useRef<HTMLInputElement>(null)
  // The dialog opens (showModal) after this component's effects: the field takes focus on the next frame.
  useEffect(() => {
    const frame = requestAnimationFrame(() => input.current?.focus())
    return () => cancelAnimationFrame(frame)
  }, [])
  const openKey = useKeywardStore((state) => state.openKey)
  const setPage = useKeywardStore((state) => state.setPage)
  const requestDialog = useKeywardStore((state) => state.requestDialog)
  const search = useKeywardStore((state) => state.search)
  const lock = useKeywardStore((state) => state.lock)
  const selected = useKeywardStore((state) => state.selectedKey)

  function type(next: string) {
    setQuery(next)
    const mine = ++seq.current
    if (next.trim() === '') return setKeys([])
    command('keys:search', { query: next, limit: KEYS_SHOWN }).then(
      ({ keys: found }) => mine === seq.current && setKeys(found),
      () => mine === seq.current && setKeys([]),
    )
  }

  const then = (run: () => void) => () => {
    onClose()
    run()
  }
  const page = (to: Page) => then(() => setPage(to))
  const actions: Action[] = [
    { label: 'Add key', hint: 'Ctrl+N', run: then(() => requestDialog('add')) },
    { label: 'Verify all', run: then(() => requestDialog('verify-all')) },
    { label: 'Write to .env…', hint: 'Ctrl+Shift+W', run: then(() => requestDialog('write-env')) },
    { label: 'Import .env…', run: then(() => requestDialog('import-env')) },
    ...(selected === null
      ? []
      : [{ label: `Rotate ${selected.ref}…`, run: then(() => void openKey(selected.id, 'rotate')) }]),
    { label: 'Needs attention', run: page('attention') },
    { label: 'Health', hint: 'Ctrl+Shift+H', run: page('health') },
    { label: 'Activity', run: page('activity') },
    { label: 'Settings', run: page('settings') },
    { label: 'Lock', hint: 'Ctrl+L', run: then(() => void lock()) },
  ]
  const matches = (label: string) => label.toLowerCase().includes(query.trim().toLowerCase())

  return (
    <Modal titleId={titleId} onClose={onClose}>
      <h2 id={titleId} className="visually-hidden">
        Command palette
      </h2>
      <Command label="Command palette" shouldFilter={false} loop className="palette">
        <Command.Input ref={input} value={query} onValueChange={type} placeholder="Type a key, an action or a filter" />
        <Command.List>
          <Command.Empty>Nothing matches.</Command.Empty>
          {keys.length === 0 ? null : (
            <Command.Group heading="Keys">
              {keys.map((key) => (
                <Command.Item key={key.id} value={`key ${key.id}`} onSelect={then(() => void openKey(key.id))}>
                  {key.ref}{' '}
                  <span className="muted">{`${key.environment}${key.state.attention ? ` · ${key.state.kind}` : ''}`}</span>
                </Command.Item>
              ))}
            </Command.Group>
          )}
          <Command.Group heading="Actions">
            {actions
              .filter((action) => matches(action.label))
              .map((action) => (
                <Command.Item key={action.label} value={`action ${action.label}`} onSelect={action.run}>
                  {action.label} {action.hint === undefined ? null : <kbd>{action.hint}</kbd>}
                </Command.Item>
              ))}
          </Command.Group>
          <Command.Group heading="Filters">
            {FILTERS.filter(([label]) => matches(label)).map(([label, filter]) => (
              <Command.Item
                key={filter}
                value={`filter ${filter}`}
                onSelect={then(() => void search(`${filter} `).then(() => setPage('vault')))}
              >
                {label} <span className="muted">{filter}</span>
              </Command.Item>
            ))}
          </Command.Group>
        </Command.List>
      </Command>
    </Modal>
  )
}
