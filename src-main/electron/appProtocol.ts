import type { Protocol } from 'electron'
import { readRendererAsset } from '../core/renderer/rendererAsset'

export const APP_SCHEME = 'app'
export const APP_HOST = 'keyward'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

/**
 * Registers `app://` before the app is ready: standard (relative URLs and web storage work), secure (a secure
 * context, like https) and fetch-capable, but not CSP-bypassing and not CORS-enabled, so no other origin can
 * read from it.
 */
export function registerAppScheme(protocol: Protocol): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false, bypassCSP: false },
    },
  ])
}

/** Serves the built renderer from `rendererDir` on `app://keyward/…`, with the CSP header on every response. */
export function serveAppScheme(protocol: Protocol, rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url)
    if (url.host !== APP_HOST || request.method !== 'GET') return new Response('Not found', { status: 404 })
    const asset = await readRendererAsset(rendererDir, url.pathname)
    return new Response(new Uint8Array(asset.body), { status: asset.status, headers: asset.headers })
  })
}
