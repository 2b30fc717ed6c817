import { parseUrl } from './parseUrl'

/**
 * The URL to hand to the OS browser for a link the renderer tried to open, or null to drop it. Only plain https
 * URLs pass: no other scheme (file:, javascript:, custom protocol handlers that could launch programs) and no
 * embedded credentials. The URL is re-serialised from its parsed form so that what opens is what was checked.
 */
export function externalLinkTarget(rawUrl: string): string | null {
  const url = parseUrl(rawUrl)
  if (url === null) return null
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '' || url.hostname === '') return null
  return url.href
}
