const DAY = 86_400_000
const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * DAY],
  ['month', 30 * DAY],
  ['week', 7 * DAY],
  ['day', DAY],
  ['hour', 3_600_000],
  ['minute', 60_000],
]
const format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' })

/** "in 12 days", "3 hours ago", "now": the largest unit that fits (UI.md: relative, the exact time on hover). */
export function relativeTime(iso: string, now: number = Date.now()): string {
  const delta = Date.parse(iso) - now
  if (Number.isNaN(delta)) return iso
  for (const [unit, size] of UNITS)
    if (Math.abs(delta) >= size || unit === 'minute') {
      const amount = Math.round(delta / size)
      return amount === 0 ? 'now' : format.format(amount, unit)
    }
  return 'now'
}

/** The exact time for the `title`: a date alone stays a date. */
export function exactTime(iso: string): string {
  return /^\d{4}-\d\d-\d\d$/.test(iso)
    ? iso
    : new Date(iso).toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' })
}
