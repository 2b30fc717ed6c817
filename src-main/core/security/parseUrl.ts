import { isIP } from 'node:net'

/** `new URL(raw)`, or null when `raw` is not a URL (Node 20 has no `URL.parse`). */
export function parseUrl(raw: string): URL | null {
  try {
    return new URL(raw)
  } catch {
    return null
  }
}

/** This machine: 127.0.0.0/8, ::1 or localhost (a URL's hostname, IPv6 in brackets or not). */
export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '')
  if (host === 'localhost') return true
  if (isIP(host) === 4) return host.startsWith('127.')
  return host === '::1'
}
