import { describe, expect, it } from 'vitest'
import { appMenu } from '../../../../src-main/core/app/appMenu'

const roles = (platform: NodeJS.Platform, packaged: boolean) =>
  appMenu(platform, packaged).flatMap((section) =>
    section.items.flatMap((item) => (item.kind === 'role' ? [item.role] : [])),
  )

describe('the application menu', () => {
  it.each(['linux', 'win32', 'darwin'] as const)(
    'on %s, packaged: no Reload, no developer tools, nothing bound to Ctrl/⌘+R',
    (platform) => {
      expect(roles(platform, true)).not.toContain('reload')
      expect(roles(platform, true)).not.toContain('toggleDevTools')
      expect(JSON.stringify(appMenu(platform, true))).not.toMatch(/CmdOrCtrl\+R/)
      // Copy and paste in the window's fields need the editing roles (on macOS above all).
      expect(roles(platform, true)).toEqual(expect.arrayContaining(['copy', 'paste', 'selectAll', 'undo']))
    },
  )

  it("unpackaged (development): reload on F5 and developer tools on F12, clear of the window's shortcuts", () => {
    const view = appMenu('linux', false).find((section) => section.label === 'View')
    expect(view?.items).toEqual(
      expect.arrayContaining([
        { kind: 'role', role: 'reload', accelerator: 'F5' },
        { kind: 'role', role: 'toggleDevTools', accelerator: 'F12' },
      ]),
    )
  })
})
