import { KeywardError } from '../core/errors'

const UNITS: Readonly<Record<string, number>> = { s: 1_000, m: 60_000, h: 3_600_000 }

/** `90s`, `15m`, `8h` (or a combination such as `1h30m`) in milliseconds. */
export function parseDuration(flag: string, text: string): number {
  const parts = [...text.matchAll(/(\d+)([smh])/g)]
  if (parts.length === 0 || parts.map((part) => part[0]).join('') !== text)
    throw new KeywardError('INVALID_INPUT', `${flag} takes a duration such as 90s, 15m or 8h.`)
  const ms = parts.reduce((total, part) => total + Number(part[1]) * (UNITS[part[2] ?? 's'] ?? 0), 0)
  if (ms <= 0) throw new KeywardError('INVALID_INPUT', `${flag} must be longer than zero.`)
  return ms
}
