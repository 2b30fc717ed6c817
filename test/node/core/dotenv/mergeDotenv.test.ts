// Property tests: over generated .env files, a merge changes no byte outside the targeted values, and dotenv itself
// (the oracle) reads back exactly the intended variables.
import { parse } from 'dotenv'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { encodeValue } from '../../../../src-main/core/dotenv/encodeValue'
import { mergeDotenv, type DotenvEdit } from '../../../../src-main/core/dotenv/mergeDotenv'
import { KeywardError } from '../../../../src-main/core/errors'

const keys = fc.constantFrom('A', 'B', 'API_KEY', 'db.url', 'k-1', 'SOLO_API_KEY')
const valueChars = fc.constantFrom(...'aZ09_-./:+=@ #\'"`\\$é🔑\n\t'.split(''), 'x', 'y')
const values = fc.array(valueChars, { maxLength: 12 }).map((chars) => chars.join(''))

const assignment = fc.record({
  key: keys,
  value: values,
  exported: fc.boolean(),
  quote: fc.constantFrom('', "'", '"', '`'),
  spacing: fc.constantFrom('=', ' = ', '= ', ' ='),
  comment: fc.constantFrom('', ' # note', ' #x'),
})

const line = fc.oneof(
  assignment.map((a) => ({ kind: 'assignment' as const, ...a })),
  fc
    .constantFrom('# a comment', '', '   ', '#=not an assignment', '  # indented "quoted" comment')
    .map((text) => ({ kind: 'text' as const, text })),
)

const followers = ["F0='x'", 'F0="x"', 'F0=`x`', 'F0=x']

/**
 * Whether dotenv reads the line back as written whatever line follows it. Lines that fail this (a value ending in a
 * backslash before its closing quote, say) depend on their neighbours; Keyward refuses to edit around them (tested
 * below) instead of guessing.
 */
function standsAlone(text: string, key: string, value: string): boolean {
  return followers.every((follower) => {
    const parsed = parse(`${text}\n${follower}\n`)
    return parsed[key] === value && (key === 'F0' || parsed.F0 === 'x')
  })
}

/** Renders a file of lines, keeping only assignments dotenv reads back as written (so the file is well-formed). */
const envFile = fc
  .record({
    lines: fc.array(line, { maxLength: 10 }),
    eol: fc.constantFrom('\n', '\r\n', '\r'),
    finalNewline: fc.boolean(),
    bom: fc.boolean(),
  })
  .map(({ lines, eol, finalNewline, bom }) => {
    const rendered = lines.flatMap((entry) => {
      if (entry.kind === 'text') return [entry.text]
      const text = `${entry.exported ? 'export ' : ''}${entry.key}${entry.spacing}${entry.quote}${entry.value}${entry.quote}${entry.comment}`
      return standsAlone(text, entry.key, entry.value) ? [text.split('\n').join(eol)] : []
    })
    // Byte-order marks and CR-only line endings are dotenv's own fixtures (tests/.env.bom, test-parse.js).
    const body = `${bom ? '\uFEFF' : ''}${rendered.join(eol)}`
    return finalNewline && body !== '' ? `${body}${eol}` : body
  })

const edits = fc
  .array(fc.record({ variable: fc.oneof(keys, fc.constantFrom('NEW_VAR', 'OTHER')), value: values }), {
    minLength: 1,
    maxLength: 3,
  })
  .map((list) => {
    const byVariable = new Map(list.map((edit) => [edit.variable, edit.value]))
    return [...byVariable].map(([variable, value]): DotenvEdit => ({ variable, value }))
  })

function representable(edit: DotenvEdit): boolean {
  try {
    encodeValue(edit.variable, edit.value)
    return true
  } catch {
    return false
  }
}

describe('mergeDotenv (property)', () => {
  it('never changes an untargeted byte, and dotenv reads back exactly the intended map', () => {
    let merges = 0
    let refusals = 0
    fc.assert(
      fc.property(envFile, edits, (original, changes) => {
        if (!changes.every(representable)) {
          expect(() => mergeDotenv(original, changes)).toThrow(KeywardError)
          return
        }
        merges += 1
        let result: ReturnType<typeof mergeDotenv>
        try {
          result = mergeDotenv(original, changes)
        } catch (error) {
          // A refusal writes nothing; it is allowed only for the rare file whose lines change meaning when a line
          // is added after them (counted below), never silently.
          expect(error).toBeInstanceOf(KeywardError)
          refusals += 1
          return
        }
        expect(parse(result.text)).toEqual({
          ...parse(original),
          ...Object.fromEntries(changes.map((edit) => [edit.variable, edit.value])),
        })
        // Undo every replacement and drop what was appended: the original comes back byte for byte.
        let restored = ''
        let cursor = 0
        let shift = 0
        for (const replacement of result.replacements) {
          restored +=
            result.text.slice(cursor, replacement.start + shift) + original.slice(replacement.start, replacement.end)
          cursor = replacement.start + shift + replacement.text.length
          shift += replacement.text.length - (replacement.end - replacement.start)
        }
        restored += result.text.slice(cursor)
        expect(restored.startsWith(original)).toBe(true)
        const appended = restored.slice(original.length)
        if (result.added.length === 0) expect(appended).toBe('')
        else expect(Object.keys(parse(appended))).toEqual(result.added)
      }),
      { numRuns: 2000 },
    )
    // Values dotenv, python-dotenv and a shell cannot all read back ($, mixed quotes…) are refused: most still merge.
    expect(merges).toBeGreaterThan(400)
    expect(refusals / merges).toBeLessThan(0.03)
  })
})

describe('mergeDotenv (examples)', () => {
  it('keeps comments, export, CRLF and the missing final newline of a messy file', () => {
    const messy =
      '# Payments\r\nexport STRIPE_SECRET_KEY="sk_live_old" # rotated quarterly\r\n\r\nPUBLIC_URL=https://example.com\r\nMULTI="line one\r\nline two"'
    const { text } = mergeDotenv(messy, [
      { variable: 'STRIPE_SECRET_KEY', value: 'sk_live_new' },
      { variable: 'SOLO_API_KEY', value: 'solo key with spaces' },
    ])
    expect(text).toBe(
      '# Payments\r\nexport STRIPE_SECRET_KEY=sk_live_new # rotated quarterly\r\n\r\nPUBLIC_URL=https://example.com\r\nMULTI="line one\r\nline two"\r\nSOLO_API_KEY=\'solo key with spaces\'',
    )
  })

  it('refuses, changing nothing, to edit next to a line whose meaning depends on what follows it', () => {
    // dotenv reads B as "'" alone, but with a quoted line after it, as a value spanning both lines.
    expect(() => mergeDotenv("B='", [{ variable: 'A', value: '#' }])).toThrow(/cannot edit safely/)
  })

  it('refuses a value dotenv cannot represent', () => {
    expect(() => mergeDotenv('A=1\n', [{ variable: 'A', value: 'it\'s "both" `all`\nand a newline' }])).toThrow(
      expect.objectContaining({ code: 'DOTENV_UNSAFE' }) as Error,
    )
  })

  it.each([
    ['a byte-order mark', '\uFEFFSTRIPE_KEY=sk_old\nOTHER=1\n'],
    ['CR-only line endings', 'OTHER=1\rSTRIPE_KEY=sk_old\rLAST=2'],
    ['CR-only, with a BOM and a quoted value', '\uFEFFSTRIPE_KEY="sk_old"\rOTHER=1\r'],
  ])('replaces the assignment in a file with %s instead of appending a second one', (_, original) => {
    const { text, updated, added } = mergeDotenv(original, [{ variable: 'STRIPE_KEY', value: 'sk_new' }])
    expect({ updated, added }).toEqual({ updated: ['STRIPE_KEY'], added: [] })
    expect(text).not.toContain('sk_old')
    expect(text.match(/STRIPE_KEY=/g)).toHaveLength(1)
    expect(text.startsWith('\uFEFF')).toBe(original.startsWith('\uFEFF'))
  })
})
