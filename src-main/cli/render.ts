import type { UsageState } from '../core/dotenv/usages'
import type { KeyRecord } from '../core/keys/keyRecord'
import { STATE_WORDS, type KeyStateKind, type KeyWithState } from '../core/keys/keyState'
import { terminalSafe } from '../core/security/terminalText'
import type { Terminal } from './terminal'

export { json } from './reportError'

function bold(terminal: Terminal, text: string): string {
  return terminal.color ? `\u001b[1m${text}\u001b[22m` : text
}

/** Each state's colour on a terminal (SGR): what needs doing red or yellow, live green, neutral dim. */
const STATE_COLOURS: Readonly<Record<KeyStateKind, number>> = {
  revoked: 2,
  expired: 31,
  rejected: 31,
  overdue: 31,
  due: 33,
  unreachable: 33,
  restricted: 36,
  unverified: 2,
  ok: 32,
}

/** `text` in its state's colour when the terminal shows colour (never in a pipe, or with NO_COLOR set). */
export function paint(terminal: Terminal, kind: KeyStateKind, text: string): string {
  return terminal.color ? `\u001b[${STATE_COLOURS[kind]}m${text}\u001b[0m` : text
}

/**
 * A plain text table: columns padded to their widest cell. `tint` colours one column by each row's state, after
 * the padding (escape codes take no width on screen).
 */
export function table(
  terminal: Terminal,
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  tint?: { readonly column: number; readonly kinds: readonly KeyStateKind[] },
): void {
  // Every cell may hold a provider's or a user's text: printed only once it cannot drive the terminal.
  rows = rows.map((row) => row.map((cell) => terminalSafe(cell).replace(/[\t\n]/g, ' ')))
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)),
  )
  const line = (cells: readonly string[], kind?: KeyStateKind) =>
    cells
      .map((cell, i) => {
        const padded = cell.padEnd(widths[i] ?? 0)
        return kind !== undefined && i === tint?.column ? paint(terminal, kind, padded) : padded
      })
      .join('  ')
      .trimEnd()
  terminal.out(bold(terminal, line(headers)))
  rows.forEach((row, index) => terminal.out(line(row, tint?.kinds[index])))
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
    { column: 3, kinds: keys.map((key) => key.state.kind) },
  )
}

/** A date (YYYY-MM-DD or ISO) with how far it is from today: "2027-03-31 (in 114 days)", "… (today)". */
export function humanDate(date: string | null, now: Date = new Date(), none = '—'): string {
  if (date === null) return none
  const day = date.slice(0, 10)
  const days = Math.round(
    (Date.parse(`${day}T00:00:00Z`) - Date.parse(`${now.toISOString().slice(0, 10)}T00:00:00Z`)) / 86_400_000,
  )
  const relative = days === 0 ? 'today' : days > 0 ? `in ${plural(days, 'day')}` : `${plural(-days, 'day')} ago`
  return `${day} (${relative})`
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`

const USAGE_WORDS: Readonly<Record<KeyDetails['usages'][number]['state'], string>> = {
  current: 'current',
  changed: 'changed by hand since',
  missing: 'file missing',
}

/** `show`: the key, its last verify and where it is written, dates with how far they are. */
export type KeyDetails = KeyWithState & {
  readonly usages: readonly { file: string; variable: string; writtenAt: string; state: UsageState }[]
}

/** The last verify's stored result in words: ok, restricted, invalid, or the code of a call that got no answer. */
function verifyWords(result: string | null): string {
  if (result === 'ok') return 'accepted by the provider'
  if (result === 'restricted') return 'valid, but not allowed to make the check'
  if (result === 'invalid') return 'rejected by the provider'
  return 'no answer from the provider'
}

export function keyDetails(terminal: Terminal, key: KeyDetails): void {
  const verify =
    key.lastVerifiedAt === null ? 'never' : `${humanDate(key.lastVerifiedAt)}: ${verifyWords(key.lastVerifyResult)}`
  const lines: [string, string][] = [
    ['Key', key.ref],
    ['Env var', key.envVar ?? '—'],
    ['Environment', key.environment],
    ['Status', `${STATE_WORDS[key.state.kind]}: ${key.state.reason}`],
    ['Value', `${hintText(key) || 'hidden'} (keyward get ${key.ref} prints it)`],
    ['Last verified', verify],
    ['Expires', humanDate(key.expiresAt, undefined, 'never')],
    ['Rotate every', key.rotateEveryDays === null ? '—' : `${key.rotateEveryDays} days`],
    ['Last rotated', humanDate(key.rotatedAt)],
    ['Remind before', key.remindBeforeDays === null ? 'default' : `${key.remindBeforeDays} days`],
    ['Tags', key.tags.join(', ') || '—'],
    ['Notes', key.notes || '—'],
    ['Created', humanDate(key.createdAt)],
    ['Updated', humanDate(key.updatedAt)],
  ]
  if (Object.keys(key.metadata).length > 0) lines.push(['Metadata', JSON.stringify(key.metadata)])
  if (key.usages.length === 0) lines.push(['Written to', '—'])
  for (const [index, usage] of key.usages.entries())
    lines.push([index === 0 ? 'Written to' : '', `${usage.file} (${usage.variable}): ${USAGE_WORDS[usage.state]}`])
  const width = Math.max(...lines.map(([label]) => label.length))
  for (const [label, value] of lines) terminal.out(`${bold(terminal, label.padEnd(width))}  ${terminalSafe(value)}`)
}
