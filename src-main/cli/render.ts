import type { KeyRecord } from '../core/keys/keyRecord'
import { STATE_WORDS, type KeyWithState } from '../core/keys/keyState'
import { terminalSafe } from '../core/security/terminalText'
import type { Terminal } from './terminal'

export { json } from './reportError'

function bold(terminal: Terminal, text: string): string {
  return terminal.color ? `\u001b[1m${text}\u001b[22m` : text
}

/** A plain text table: columns padded to their widest cell. */
export function table(terminal: Terminal, headers: readonly string[], rows: readonly (readonly string[])[]): void {
  // Every cell may hold a provider's or a user's text: printed only once it cannot drive the terminal.
  rows = rows.map((row) => row.map((cell) => terminalSafe(cell).replace(/[\t\n]/g, ' ')))
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)),
  )
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd()
  terminal.out(bold(terminal, line(headers)))
  for (const row of rows) terminal.out(line(row))
}

export function hintText(key: Pick<KeyRecord, 'hint'>): string {
  return key.hint === '' ? '' : `…${key.hint}`
}

export function keyTable(terminal: Terminal, keys: readonly KeyWithState[]): void {
  if (keys.length === 0) {
    terminal.err('No keys.')
    return
  }
  table(
    terminal,
    ['KEY', 'ENV VAR', 'ENVIRONMENT', 'STATUS', 'EXPIRES', 'ROTATE', 'VALUE'],
    keys.map((key) => [
      key.ref,
      key.envVar ?? '',
      key.environment,
      STATE_WORDS[key.state.kind],
      key.expiresAt ?? '',
      key.rotateEveryDays === null ? '' : `${key.rotateEveryDays}d`,
      hintText(key),
    ]),
  )
}

export function keyDetails(terminal: Terminal, key: KeyWithState): void {
  const lines: [string, string][] = [
    ['Key', key.ref],
    ['Env var', key.envVar ?? '—'],
    ['Environment', key.environment],
    ['Status', `${STATE_WORDS[key.state.kind]}: ${key.state.reason}`],
    ['Value', `${hintText(key) || 'hidden'} (keyward get ${key.ref} prints it)`],
    ['Expires', key.expiresAt ?? 'never'],
    ['Rotate every', key.rotateEveryDays === null ? '—' : `${key.rotateEveryDays} days`],
    ['Last rotated', key.rotatedAt ?? '—'],
    ['Remind before', key.remindBeforeDays === null ? 'default' : `${key.remindBeforeDays} days`],
    ['Tags', key.tags.join(', ') || '—'],
    ['Notes', key.notes || '—'],
    ['Created', key.createdAt],
    ['Updated', key.updatedAt],
  ]
  if (Object.keys(key.metadata).length > 0) lines.push(['Metadata', JSON.stringify(key.metadata)])
  const width = Math.max(...lines.map(([label]) => label.length))
  for (const [label, value] of lines) terminal.out(`${bold(terminal, label.padEnd(width))}  ${terminalSafe(value)}`)
}
