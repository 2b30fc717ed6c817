import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { parse } from 'dotenv'
import { existingRegularFile } from './dotenvFiles'
import type { KeyExport } from './keySelection'
import { fileExposure, type Exposure } from './fileExposure'
import { mergeDotenv } from './mergeDotenv'
import { maskValue } from './maskValue'
import { targetFile } from './writeDotenvFile'

export interface PreviewLine {
  readonly keyId: string
  readonly keyRef: string
  readonly variable: string
  /** False for a pair's public part (AWS_ACCESS_KEY_ID): shown in full, nothing to reveal. */
  readonly secret: boolean
  readonly change: 'added' | 'changed' | 'unchanged'
  /** The file's value now and the one to be written, masked; `before` is null for a new line. */
  readonly before: string | null
  readonly after: string
  /** How many times the file assigns the variable (dotenv reads the last; every one is rewritten). */
  readonly assignments: number
}

export interface WritePreview {
  readonly file: string
  readonly exists: boolean
  readonly lines: readonly PreviewLine[]
  readonly exposure: readonly Exposure[]
  /** The file's content as previewed: a write refuses a file changed since (re-diff instead). */
  readonly digest: string
}

/** The file's bytes as a digest ("absent" before it exists), to notice a change between preview and write. */
export function fileDigest(file: string): string {
  const stats = existingRegularFile(file, false)
  return stats === null ? 'absent' : createHash('sha256').update(readFileSync(file)).digest('hex')
}

/**
 * What writing the selected keys into `file` would do, line by line, values masked — computed by the same merge
 * the write runs (so a file Keyward cannot edit safely is refused here already, and nothing is written).
 */
export function previewWrite(file: string, exports: readonly KeyExport[]): WritePreview {
  const target = targetFile(file)
  const stats = existingRegularFile(target, false)
  const original = stats === null ? '' : readFileSync(target, 'utf8')
  const selected = exports.flatMap(({ key, assignments }) =>
    assignments.map((assignment, index) => ({ key, ...assignment, secret: index === 0 })),
  )
  const merged = mergeDotenv(
    original,
    selected.map(({ variable, value }) => ({ variable, value })),
  )
  const current = parse(original)
  const counts = new Map<string, number>()
  for (const match of original.matchAll(/^[ \t]*(?:export[ \t]+)?([\w.-]+)[ \t]*[=:]/gm)) {
    counts.set(match[1] ?? '', (counts.get(match[1] ?? '') ?? 0) + 1)
  }
  const lines = selected.map(({ key, variable, value, secret }): PreviewLine => {
    const before = current[variable]
    const change = merged.added.includes(variable)
      ? 'added'
      : merged.updated.includes(variable)
        ? 'changed'
        : 'unchanged'
    const shown = (text: string) => (secret ? maskValue(text) : text)
    return {
      keyId: key.id,
      keyRef: key.ref,
      variable,
      secret,
      change,
      before: before === undefined ? null : shown(before),
      after: shown(value),
      assignments: counts.get(variable) ?? 0,
    }
  })
  return { file: target, exists: stats !== null, lines, exposure: fileExposure(target), digest: fileDigest(target) }
}
