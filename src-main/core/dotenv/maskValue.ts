/**
 * A value as a diff may show it: a provider prefix (`sk-proj-`, `SG.`: a short word, then at most 4 letters) and the
 * last 4 characters — what the key's hint already shows — never more. Short values (a port, a flag) are masked
 * whole: 4 characters of 8 is too much.
 */
export function maskValue(value: string): string {
  if (value.length < 12) return '••••'
  const prefix = value.length >= 20 ? (/^[A-Za-z]{1,6}[-_.](?:[a-z]{2,4}[-_])?/.exec(value)?.[0] ?? '') : ''
  return `${prefix}…${value.slice(-4)}`
}
