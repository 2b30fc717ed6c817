const MAX_ROWS = 50
const MAX_TEXT = 200

function asText(value: unknown): string | null {
  if (value === null || value === undefined) return null
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (Array.isArray(value) && value.every((item) => typeof item === 'string' || typeof item === 'number'))
    return value.join(', ')
  return null
}

/**
 * A key's metadata as rows for the detail pane: scalars and lists as they are, one level of nested objects as
 * `account.team`, anything deeper left out; long text cut. Metadata holds what providers reported and public ids —
 * never a secret (adapters pick named fields; a pair's secret is the value).
 */
export function metadataRows(metadata: Readonly<Record<string, unknown>>): { name: string; value: string }[] {
  const rows = Object.entries(metadata).flatMap(([name, value]) => {
    const direct = asText(value)
    if (direct !== null) return [{ name, value: direct }]
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return []
    return Object.entries(value as Record<string, unknown>).flatMap(([inner, nested]) => {
      const text = asText(nested)
      return text === null ? [] : [{ name: `${name}.${inner}`, value: text }]
    })
  })
  return rows.slice(0, MAX_ROWS).map((row) => ({
    name: row.name,
    value: row.value.length > MAX_TEXT ? `${row.value.slice(0, MAX_TEXT)}…` : row.value,
  }))
}
