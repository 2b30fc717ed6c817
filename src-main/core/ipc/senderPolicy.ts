import { parseUrl } from '../security/parseUrl'

/** Decides whether an IPC call comes from one of Keyward's own pages. */
export interface SenderPolicy {
  isTrusted(frameUrl: string | undefined): boolean
}

/**
 * `scheme://host[:port]` of a URL. WHATWG `URL.origin` is the opaque "null" for non-special schemes such as
 * `app:`, so it cannot be used to compare custom-scheme origins.
 */
export function originOf(url: string): string | null {
  const parsed = parseUrl(url)
  if (parsed === null || parsed.host === '') return null
  return `${parsed.protocol}//${parsed.host}`
}

/** Trusts exactly the given origins (`app://keyward`, and the dev server or test server where one runs). */
export function trustOrigins(origins: readonly string[]): SenderPolicy {
  const trusted = new Set(origins.map((origin) => originOf(origin)))
  trusted.delete(null)
  return {
    isTrusted(frameUrl) {
      return frameUrl !== undefined && trusted.has(originOf(frameUrl))
    },
  }
}
