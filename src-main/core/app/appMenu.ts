/**
 * The application menu, as data (the Electron adapter renders it): Electron's default menu binds Ctrl/⌘+R to
 * Reload — the window's reveal shortcut — and offers Toggle Developer Tools to anyone at the keyboard of an
 * unlocked vault. Ours has neither in a packaged build; a development build keeps both on F5 and F12, clear of the
 * window's own shortcuts. Editing roles stay (copy and paste in fields need them on macOS).
 */
export type MenuRole =
  | 'about'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'quit'
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'minimize'
  | 'close'
  | 'reload'
  | 'toggleDevTools'

export type AppMenuItem =
  { readonly kind: 'role'; readonly role: MenuRole; readonly accelerator?: string } | { readonly kind: 'separator' }

export interface AppMenuSection {
  /** On macOS the first section is the app's own menu, whatever it is called. */
  readonly label: string
  readonly items: readonly AppMenuItem[]
}

const role = (name: MenuRole, accelerator?: string): AppMenuItem => ({
  kind: 'role',
  role: name,
  ...(accelerator === undefined ? {} : { accelerator }),
})
const separator: AppMenuItem = { kind: 'separator' }

export function appMenu(platform: NodeJS.Platform, packaged: boolean): AppMenuSection[] {
  const mac = platform === 'darwin'
  const development = packaged ? [] : [separator, role('reload', 'F5'), role('toggleDevTools', 'F12')]
  return [
    ...(mac
      ? [
          {
            label: 'Keyward',
            items: [
              role('about'),
              separator,
              role('hide'),
              role('hideOthers'),
              role('unhide'),
              separator,
              role('quit'),
            ],
          },
        ]
      : []),
    { label: 'File', items: [mac ? role('close') : role('quit')] },
    {
      label: 'Edit',
      items: [role('undo'), role('redo'), separator, role('cut'), role('copy'), role('paste'), role('selectAll')],
    },
    {
      label: 'View',
      items: [role('resetZoom'), role('zoomIn'), role('zoomOut'), separator, role('togglefullscreen'), ...development],
    },
    { label: 'Window', items: [role('minimize'), role('close')] },
  ]
}
