const PLACEHOLDER = [
  /example/i,
  /x{4,}/i,
  /^your[\w.-]*here$/i,
  /^your[-_ ]?(api[-_ ]?)?(key|token|secret)/i,
  /change[-_ ]?me|replace[-_ ]?me|placeholder|dummy|redacted|<[^>]*>|\*{4,}|\.{3}/i,
  /^(.)\1{7,}$/,
  // A word of documentation after a prefix: sm_your_api_key_here, sm_old_key_here, sk_live_your_key (issue 20).
  /(?:^|[_.-])(?:your|here|sample|fake|insert)(?:[_.-]|$)/i,
  /(?:^|[_.-])(?:old|new|my|test|api)[_.-](?:api[_.-])?(?:key|token|secret)(?:[_.-]|$)/i,
  // A body of one repeated character: sk_test_000…, ghp_000…, sm_aaaaaaaa.
  /(.)\1{15,}/,
  /^(?:[A-Za-z0-9]+[_.-]){1,3}(.)\1{7,}$/,
]

/**
 * A value that stands where a real key goes (`AKIAIOSFODNN7EXAMPLE`, `ghp_xxxx…`, `your-token-here`, a prefix before
 * documentation words or one repeated character: `sm_your_api_key_here`, `ghp_000…`): a project's .env.example holds
 * them, and documentation shows them in the key's own format, so they are never taken for a key.
 */
export function isPlaceholder(value: string): boolean {
  return PLACEHOLDER.some((pattern) => pattern.test(value))
}
