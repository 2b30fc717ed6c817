/** `new URL(raw)`, or null when `raw` is not a URL (Node 20 has no `URL.parse`). */
export function parseUrl(raw: string): URL | null {
  try {
    return new URL(raw)
  } catch {
    return null
  }
}
