import { Menu, nativeImage, Tray, type MenuItemConstructorOptions } from 'electron'
import type { TrayItem } from '../core/app/trayMenu'

export interface TrayActions {
  readonly open: () => void
  readonly lock: () => void
  readonly showKey: (id: string) => void
  readonly showAttention: (due: number) => void
  readonly verifyDue: () => void
  readonly quit: () => void
}

function menuItem(item: TrayItem, actions: TrayActions): MenuItemConstructorOptions {
  switch (item.kind) {
    case 'open':
      return { label: 'Open Keyward', click: actions.open }
    case 'lock':
      return { label: 'Lock now', click: actions.lock }
    case 'unlock':
      return { label: 'Unlock…', click: actions.open }
    case 'due':
      // While locked only the count is known (no names without the key): it opens Needs attention after the unlock.
      return item.keys.length === 0
        ? { label: `Due: ${item.count}`, click: () => actions.showAttention(item.count) }
        : {
            label: `Due: ${item.count}`,
            submenu: [
              ...item.keys.map((key) => ({ label: key.label, click: () => actions.showKey(key.id) })),
              { type: 'separator' as const },
              { label: 'Needs attention…', click: () => actions.showAttention(item.count) },
            ],
          }
    case 'verify-due':
      return { label: 'Verify all due', click: actions.verifyDue }
    case 'separator':
      return { type: 'separator' }
    case 'quit':
      return { label: 'Quit Keyward', click: actions.quit }
  }
}

/**
 * The tray icon (UI.md §4.17): the count of due keys in its tooltip and title, and the menu the core describes
 * (`core/app/trayMenu.ts`), rebuilt whenever the vault locks, unlocks or its keys change. No value in it, ever.
 */
export function createTray(
  iconPath: string,
  actions: TrayActions,
): { showCount: (count: number) => void; setMenu: (items: readonly TrayItem[]) => void } {
  const tray = new Tray(nativeImage.createFromPath(iconPath).resize({ width: 16, height: 16 }))
  tray.on('click', actions.open)
  return {
    showCount: (count) => {
      tray.setToolTip(count === 0 ? 'Keyward' : `Keyward — ${count} key${count === 1 ? '' : 's'} due`)
      tray.setTitle(count === 0 ? '' : String(count))
    },
    setMenu: (items) => tray.setContextMenu(Menu.buildFromTemplate(items.map((item) => menuItem(item, actions)))),
  }
}
