/**
 * The renderer's Content-Security-Policy: nothing is allowed unless listed, scripts and styles only from the app's
 * own origin, no eval, no inline script, no remote origin of any kind. The renderer talks to main through the
 * preload only, so it needs no network at all (connect-src falls back to 'none').
 */
const documentDirectives = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
  // DOM sinks (innerHTML, script.src …) accept no strings at all: a DOM-XSS bug becomes an exception, not a leak.
  "require-trusted-types-for 'script'",
  "trusted-types 'none'",
]

/** For the `<meta http-equiv>` tag in the built index.html (a meta CSP cannot carry frame-ancestors). */
export const metaContentSecurityPolicy = documentDirectives.join('; ')

/** For the response header on every renderer asset. */
export const headerContentSecurityPolicy = [...documentDirectives, "frame-ancestors 'none'"].join('; ')

/** Headers sent with every renderer asset. */
export const rendererResponseHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': headerContentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
}
