import { Option, type Command } from 'commander'
import { KeywardError } from '../core/errors'
import type { KeyPatch } from '../core/keys/keyInput'
import { wholeNumber } from './wholeNumber'

/** Options shared by `add` and `edit`. */
export interface KeyFlags {
  provider?: string
  name?: string
  envVar?: string
  environment?: string
  expires?: string
  rotateEvery?: string
  remindBefore?: string
  tag?: string[]
  clearTags?: boolean
  note?: string
  metadata?: string
}

const collect = (value: string, previous: string[] = []) => [...previous, value]

export function addKeyOptions(command: Command, { forEdit }: { forEdit: boolean }): Command {
  return command
    .option('--env-var <VAR>', 'environment variable name used in .env files and `keyward run`')
    .option('-e, --environment <ENV>', 'development, staging, production or a custom name (default development)')
    .option('--expires <YYYY-MM-DD>', forEdit ? 'expiry date, or "none"' : 'expiry date')
    .option(
      '--rotate-every <DAYS>',
      forEdit ? 'rotation period in days (90 or 90d), or "none"' : 'rotation period in days (90 or 90d)',
    )
    .option('--remind-before <DAYS>', 'days of warning before expiry or rotation (default 14)')
    .option('--tag <TAG>', forEdit ? 'tag (repeatable; replaces the tags)' : 'tag (repeatable)', collect)
    .option('--note <TEXT>', 'free-text note')
    .addOption(new Option('--metadata <JSON>', 'provider metadata as a JSON object'))
}

/** Days (`90` or `90d`, as `due` prints them), or "none" to clear; INVALID_INPUT naming the flag. */
function parseDays(flag: string, raw: string | undefined): number | null | undefined {
  if (raw === 'none') return null
  return wholeNumber(flag, raw?.replace(/^(\d+)d$/, '$1'), 'days (e.g. 90 or 90d, or "none")')
}

/**
 * A calendar date as YYYY-MM-DD, or "none" (null) where a date can be cleared; checked here so the message names
 * the flag, before any prompt.
 */
export function parseExpiry(flag: string, raw: string | undefined, allowNone = true): string | null | undefined {
  if (raw === undefined) return undefined
  if (raw === 'none' && allowNone) return null
  const date = new Date(`${raw}T00:00:00Z`)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== raw)
    throw new KeywardError(
      'INVALID_INPUT',
      `${flag} takes a date as YYYY-MM-DD (e.g. 2027-03-31)${allowNone ? ', or "none"' : ''}.`,
    )
  return raw
}

function parseMetadata(raw: string | undefined): Record<string, unknown> | undefined {
  if (raw === undefined) return undefined
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch {
    throw new KeywardError('INVALID_INPUT', '--metadata must be a JSON object, e.g. \'{"plan":"free"}\'.')
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new KeywardError('INVALID_INPUT', '--metadata must be a JSON object.')
  return parsed as Record<string, unknown>
}

/** Flags to a patch: only what was given; "none" clears a date or period. */
export function keyPatchFromFlags(flags: KeyFlags): KeyPatch {
  const patch: KeyPatch = {
    provider: flags.provider,
    name: flags.name,
    envVar: flags.envVar,
    environment: flags.environment,
    expiresAt: parseExpiry('--expires', flags.expires),
    rotateEveryDays: parseDays('--rotate-every', flags.rotateEvery),
    remindBeforeDays: parseDays('--remind-before', flags.remindBefore),
    tags: flags.clearTags === true ? [] : flags.tag,
    notes: flags.note,
    metadata: parseMetadata(flags.metadata),
  }
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as KeyPatch
}
