import { Menu, nativeImage, Tray } from 'electron'

/** The tray icon: the count of due keys in its tooltip and title, and a menu to open or quit Keyward. */
export function createTray(iconPath: string, actions: { open: () => void; lock: () => void; quit: () => void }): (count: number) => void {
  const tray = new Tray(nativeImage.createFromPath(iconPath).resize({ width: 16, height: 16 }))
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: 'Open Keyward', click: actions.open },
      { label: 'Lock', click: actions.lock },
      { type: 'separator' },
      { label: 'Quit Keyward', click: actions.quit },
    ]),
  )
  tray.on('click', actions.open)
  return (count) => {
    tray.setToolTip(count === 0 ? 'Keyward' : `Keyward — ${count} key${count === 1 ? '' : 's'} due`)
    tray.setTitle(count === 0 ? '' : String(count))
  }
}
