import { Menu, type MenuItemConstructorOptions } from 'electron'
import type { AppMenuItem, AppMenuSection } from '../core/app/appMenu'

function item(entry: AppMenuItem): MenuItemConstructorOptions {
  if (entry.kind === 'separator') return { type: 'separator' }
  return { role: entry.role, ...(entry.accelerator === undefined ? {} : { accelerator: entry.accelerator }) }
}

/** Sets the menu the core describes (core/app/appMenu.ts) as the application menu, replacing Electron's default. */
export function setApplicationMenu(sections: readonly AppMenuSection[]): void {
  const template = sections.map((section): MenuItemConstructorOptions => ({
    label: section.label,
    submenu: section.items.map(item),
  }))
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
