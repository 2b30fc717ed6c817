// What Keyward writes into a .env file reads back as the same literal string under dotenv, python-dotenv (the
// Debian python3-dotenv package is the oracle) and a POSIX shell's `set -a; . ./.env` — or it is refused. Checked
// on random values and on the real-world files in ../shared/realworld/dotenv (dotenv's fixtures, public projects).
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'dotenv'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { encodeValue } from '../../../../src-main/core/dotenv/encodeValue'
import { mergeDotenv } from '../../../../src-main/core/dotenv/mergeDotenv'
import { KeywardError } from '../../../../src-main/core/errors'
import { needsRealworld, realworld } from '../../helpers/realworld'
import { tempDir } from '../../helpers/testVault'

const temp = tempDir('keyward-readers-')
afterAll(() => temp.remove())
const corpus = path.join(realworld ?? '', 'dotenv')
const PYTHON = '/usr/bin/python3'

function pythonDotenv(file: string): Record<string, string | null> {
  const run = spawnSync(
    PYTHON,
    ['-c', 'import json,sys\nfrom dotenv import dotenv_values\nprint(json.dumps(dotenv_values(sys.argv[1])))', file],
    { encoding: 'utf8' },
  )
  if (run.status !== 0) throw new Error(`python-dotenv (apt-get install python3-dotenv) failed: ${run.stderr}`)
  return JSON.parse(run.stdout) as Record<string, string | null>
}

/** The variables a POSIX shell exports after `set -a; . FILE`, read NUL-separated so any value survives. */
function shell(file: string): Record<string, string> {
  const run = spawnSync('/bin/sh', ['-c', 'set -a; . "$1" && env -0', 'sh', file], {
    env: { PATH: '/usr/bin:/bin' },
    encoding: 'utf8',
  })
  if (run.status !== 0) throw new Error(`sh could not source the file: ${run.stderr}`)
  return Object.fromEntries(
    run.stdout
      .split('\0')
      .filter((entry) => entry.includes('='))
      .map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]),
  )
}

let fileCount = 0
function writeTemp(text: string): string {
  const file = path.join(temp.dir, `f${fileCount++}.env`)
  writeFileSync(file, text)
  return file
}

const value = fc.oneof(
  fc.string({
    unit: fc.constantFrom(...'abcXYZ019 _-.:/+=@%,^~#$!\'"`\\\n\t;&|<>(){}[]*?éλ🔑'.split('')),
    maxLength: 24,
  }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.constantFrom(
    "x'$(touch /tmp/keyward-pwned)'y",
    'sk_live_4eC39HqLyjWDarjtT1zdp7dc',
    '-----BEGIN KEY-----\nMIIB\n-----END KEY-----',
    ' spaced ',
    '',
  ),
)

describe('encodeValue against three readers', () => {
  it('every value it accepts reads back identically under dotenv, python-dotenv and sh; the rest are DOTENV_UNSAFE', () => {
    let accepted = 0
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 40 }), (values) => {
        const lines: string[] = []
        const expected: Record<string, string> = {}
        values.forEach((candidate, i) => {
          try {
            lines.push(`KW_V${i}=${encodeValue(`KW_V${i}`, candidate)}`)
            expected[`KW_V${i}`] = candidate
          } catch (error) {
            expect(error).toBeInstanceOf(KeywardError)
            expect((error as KeywardError).code).toBe('DOTENV_UNSAFE')
          }
        })
        if (lines.length === 0) return
        accepted += lines.length
        const file = writeTemp(`${lines.join('\n')}\n`)
        const pick = (map: Record<string, string | null>) =>
          Object.fromEntries(Object.keys(expected).map((name) => [name, map[name]]))
        expect(pick(parse(readFileSync(file)))).toEqual(expected)
        expect(pick(pythonDotenv(file))).toEqual(expected)
        expect(pick(shell(file))).toEqual(expected)
      }),
      { numRuns: 40 },
    )
    expect(accepted).toBeGreaterThan(80)
  })

  it('a value that would run a command when the file is sourced is refused', () => {
    expect(() => encodeValue('K', "x'$(touch /tmp/keyward-pwned)'y")).toThrow(
      expect.objectContaining({ code: 'DOTENV_UNSAFE' }) as Error,
    )
    expect(() => encodeValue('K', 'a`id`b')).not.toThrow()
    const file = writeTemp(`K=${encodeValue('K', 'a`id`b')}\n`)
    expect(shell(file).K).toBe('a`id`b')
  })
})

interface ManifestEntry {
  readonly file: string
  readonly targets?: readonly string[]
}

describe.skipIf(realworld === null)(needsRealworld('env write into real-world .env files'), () => {
  const manifest =
    realworld === null ? [] : (JSON.parse(readFileSync(path.join(corpus, 'manifest.json'), 'utf8')) as ManifestEntry[])

  it('has the corpus beside the repository (../shared/realworld)', () => {
    expect(existsSync(corpus)).toBe(true)
    expect(manifest.length).toBeGreaterThanOrEqual(30)
  })

  it.each(manifest.map((entry) => [entry.file, entry] as const))(
    '%s: only the targeted assignments change, once each, and all three readers agree on them',
    (_, entry) => {
      const original = readFileSync(path.join(corpus, 'files', entry.file), 'utf8')
      const present = Object.keys(parse(original))
      const targets = entry.targets ?? present.slice(0, 2)
      const edits = [...targets, 'KEYWARD_ADDED'].map((variable, i) => ({
        variable,
        value: i % 2 === 0 ? `sk_new_${i}_4eC39HqLyjWD` : `new value ${i} with spaces`,
      }))
      const result = mergeDotenv(original, edits)
      expect(result.added).toEqual(['KEYWARD_ADDED'])
      const merged = parse(result.text)
      expect(merged).toEqual({
        ...parse(original),
        ...Object.fromEntries(edits.map((edit) => [edit.variable, edit.value])),
      })
      // No stale copy: had any assignment of a target been missed, the target would have been appended (`added`).
      expect(result.updated.toSorted()).toEqual(targets.filter((target) => present.includes(target)).toSorted())
      // Every written value, on its own line, reads back the same under python-dotenv and sh.
      const written = writeTemp(
        `${edits.map((edit) => `${edit.variable}=${encodeValue(edit.variable, edit.value)}`).join('\n')}\n`,
      )
      const expected = Object.fromEntries(edits.map((edit) => [edit.variable, edit.value]))
      const pick = (map: Record<string, string | null>) =>
        Object.fromEntries(Object.keys(expected).map((name) => [name, map[name]]))
      expect(pick(pythonDotenv(written))).toEqual(expected)
      expect(pick(shell(written))).toEqual(expected)
      // python-dotenv reads the merged file's targets as dotenv does (those it can see in the original at all: it
      // takes a byte-order mark as part of the first name, in the original as in the result).
      const seenByPython = Object.keys(pythonDotenv(writeTemp(original)))
      const comparable = Object.fromEntries(
        Object.entries(expected).filter(([name]) => name === 'KEYWARD_ADDED' || seenByPython.includes(name)),
      )
      const mergedByPython = pythonDotenv(writeTemp(result.text))
      expect(Object.fromEntries(Object.keys(comparable).map((name) => [name, mergedByPython[name]]))).toEqual(
        comparable,
      )
    },
  )
})
