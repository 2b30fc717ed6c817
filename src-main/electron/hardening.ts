import type { App, Session, WebContents } from 'electron'
import { externalLinkTarget } from '../core/security/externalLinks'

type OpenExternal = (url: string) => Promise<void>

/**
 * No page of Keyward ever navigates or opens a window: the renderer is one document. A link with an https URL is
 * handed to the OS browser; anything else is dropped. Webviews are never attached.
 */
export function lockDownWebContents(contents: WebContents, openExternal: OpenExternal): void {
  const openOutside = (url: string): void => {
    const target = externalLinkTarget(url)
    if (target !== null) void openExternal(target).catch(() => undefined)
  }
  contents.on('will-navigate', (event) => {
    event.preventDefault()
    openOutside(event.url)
  })
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) event.preventDefault()
  })
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url)
    return { action: 'deny' }
  })
}

/** Applies `lockDownWebContents` to every web contents the app ever creates, including ones not created by us. */
export function lockDownAllWebContents(app: App, openExternal: OpenExternal): void {
  app.on('web-contents-created', (_event, contents) => lockDownWebContents(contents, openExternal))
}

/** Keyward needs no camera, microphone, notifications-from-page, geolocation, HID, serial … : refuse every request. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
}
