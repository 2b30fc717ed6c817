const PLACEHOLDER = [
  /example/i,
  /x{4,}/i,
  /^your[\w.-]*here$/i,
  /^your[-_ ]?(api[-_ ]?)?(key|token|secret)/i,
  /change[-_ ]?me|replace[-_ ]?me|placeholder|dummy|redacted|<[^>]*>|\*{4,}|\.{3}/i,
  /^(.)\1{7,}$/,
]

/**
 * A value that stands where a real key goes (`AKIAIOSFODNN7EXAMPLE`, `ghp_xxxx…`, `your-token-here`): a project's
 * .env.example holds them, and documentation shows them in the key's own format, so they are never taken for a key.
 */
export function isPlaceholder(value: string): boolean {
  return PLACEHOLDER.some((pattern) => pattern.test(value))
}
