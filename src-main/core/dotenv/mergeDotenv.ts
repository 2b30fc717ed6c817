import { parse } from 'dotenv'
import { KeywardError } from '../errors'
import { encodeValue } from './encodeValue'

export interface DotenvEdit {
  readonly variable: string
  readonly value: string
}

/** One value span replaced in the original text. */
export interface Replacement {
  readonly variable: string
  readonly start: number
  readonly end: number
  readonly text: string
}

export interface MergeResult {
  readonly text: string
  readonly updated: readonly string[]
  readonly added: readonly string[]
  readonly unchanged: readonly string[]
  readonly replacements: readonly Replacement[]
}

const ASSIGNMENT = /^[ \t]*(?:export[ \t]+)?([\w.-]+)(?:[ \t]*=[ \t]*|:[ \t]+)/
const BOM = '\uFEFF'

/** Where the line starting at `from` ends, and where the next begins: LF, CRLF and CR alone all end a line. */
function lineAt(text: string, from: number): { end: number; next: number } {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\n') return { end: i, next: i + 1 }
    if (text[i] === '\r') return { end: i, next: text[i + 1] === '\n' ? i + 2 : i + 1 }
  }
  return { end: text.length, next: text.length + 1 }
}

/**
 * Where each assignment's value sits: `[start, end)` of the value as written (quotes included). Lines end as dotenv
 * ends them (LF, CRLF or a lone CR), and a byte-order mark before the first line is not part of its name — so every
 * assignment of a variable is found, and none is left behind holding an old secret.
 */
function valueSpans(text: string): { variable: string; start: number; end: number }[] {
  const spans: { variable: string; start: number; end: number }[] = []
  let lineStart = text.startsWith(BOM) ? BOM.length : 0
  while (lineStart < text.length) {
    const line = lineAt(text, lineStart)
    const match = ASSIGNMENT.exec(text.slice(lineStart, line.end))
    let next = line.next
    if (match?.[1] !== undefined) {
      const start = lineStart + match[0].length
      const quote = text[start]
      let end = -1
      if (quote === "'" || quote === '"' || quote === '`') {
        // As dotenv reads it: the first unescaped closing quote, provided only spaces and a comment follow it on
        // its line; otherwise the value is read raw to the end of the line (and outer quotes stripped).
        let close = -1
        for (let i = start + 1; i < text.length; i++) {
          if (text[i] === '\\' && text[i + 1] === quote) i += 1
          else if (text[i] === quote) {
            close = i
            break
          }
        }
        const closeLine = close === -1 ? null : lineAt(text, close + 1)
        if (closeLine !== null && /^[ \t]*(#.*)?$/.test(text.slice(close + 1, closeLine.end))) {
          end = close + 1
          next = closeLine.next
        }
      }
      if (end === -1) {
        const rest = text.slice(start, line.end)
        const hash = rest.indexOf('#')
        end = start + (hash === -1 ? rest : rest.slice(0, hash)).replace(/[ \t]+$/, '').length
      }
      spans.push({ variable: match[1], start, end })
    }
    lineStart = next
  }
  return spans
}

/** The file's own line ending, for appended lines: CRLF, a lone CR (old Mac files), else LF. */
function lineEnding(text: string): string {
  if (text.includes('\r\n')) return '\r\n'
  return text.includes('\r') ? '\r' : '\n'
}

/**
 * Merges values into a .env file's text, format-preserving: only the value of each targeted assignment changes
 * (every assignment of that variable, so no stale copy survives); comments, order, blank lines, quoting of other
 * values, `export`, CRLF and a missing final newline stay byte for byte. Variables not present are appended. The
 * result is checked with dotenv's own parser before it is returned; any disagreement refuses the merge.
 */
export function mergeDotenv(original: string, edits: readonly DotenvEdit[]): MergeResult {
  const wanted = new Map(edits.map((edit) => [edit.variable, edit.value]))
  const encoded = new Map([...wanted].map(([variable, value]) => [variable, encodeValue(variable, value)]))
  const before = parse(original)
  const replacements: Replacement[] = []
  for (const span of valueSpans(original)) {
    const text = encoded.get(span.variable)
    if (text !== undefined && before[span.variable] !== wanted.get(span.variable)) replacements.push({ ...span, text })
  }
  let merged = ''
  let cursor = 0
  for (const replacement of replacements) {
    merged += original.slice(cursor, replacement.start) + replacement.text
    cursor = replacement.end
  }
  merged += original.slice(cursor)

  const present = new Set(valueSpans(original).map((span) => span.variable))
  const added = [...wanted.keys()].filter((variable) => !present.has(variable))
  if (added.length > 0) {
    const eol = lineEnding(original)
    const endsWithNewline = original === '' || original.endsWith('\n') || original.endsWith('\r')
    const lines = added.map((variable) => `${variable}=${encoded.get(variable) ?? ''}`)
    // A file without a final newline keeps lacking one; one with it keeps having it.
    merged = endsWithNewline ? `${merged}${lines.join(eol)}${eol}` : `${merged}${eol}${lines.join(eol)}`
  }

  const expected = { ...before, ...Object.fromEntries(wanted) }
  const actual = parse(merged)
  const mismatch = Object.keys({ ...expected, ...actual }).find((key) => expected[key] !== actual[key])
  if (mismatch !== undefined) {
    throw new KeywardError(
      'INVALID_INPUT',
      `This .env file has a construct Keyward cannot edit safely near ${mismatch}; nothing was written. Edit it by hand.`,
    )
  }
  const updated = [...new Set(replacements.map((replacement) => replacement.variable))]
  return {
    text: merged,
    updated,
    added,
    unchanged: [...wanted.keys()].filter((variable) => !updated.includes(variable) && !added.includes(variable)),
    replacements,
  }
}
