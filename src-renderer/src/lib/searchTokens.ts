/** The search fields Keyward's query understands (core/keys/keyQuery.ts): shown as chips once typed whole. */
const FIELD = /^(provider|env|environment|tag|is):(\S+)$/i

export interface SplitQuery {
  /** Recognised `field:value` tokens, each complete (followed by a space, or before other words). */
  readonly chips: readonly string[]
  /** Everything else, as typed: free words and the token being typed. */
  readonly text: string
}

/**
 * Splits a query into chips and the text the field shows. A recognised token becomes a chip once it is complete —
 * a space after it — so `provider:str` being typed stays text until the space.
 */
export function splitQuery(query: string): SplitQuery {
  const chips: string[] = []
  const parts = query.split(/(\s+)/)
  let text = ''
  let afterChip = false
  parts.forEach((part, index) => {
    const space = /^\s+$/.test(part)
    if (index < parts.length - 1 && !space && FIELD.test(part)) {
      chips.push(part)
      afterChip = true // the space after a chip goes with it
    } else if (space && (afterChip || text === '')) afterChip = false
    else {
      text += part
      afterChip = false
    }
  })
  return { chips, text }
}

/** The query again from chips and the field's text (a space after the chips keeps them chips). */
export function joinQuery(chips: readonly string[], text: string): string {
  return chips.length === 0 ? text : `${chips.join(' ')} ${text}`
}

/** A chip's words: `provider: stripe`. */
export function chipLabel(chip: string): { field: string; value: string } {
  const match = FIELD.exec(chip)
  const field = (match?.[1] ?? '').toLowerCase()
  return { field: field === 'environment' ? 'env' : field, value: match?.[2] ?? chip }
}
