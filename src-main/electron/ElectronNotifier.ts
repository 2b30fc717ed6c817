import { Notification } from 'electron'
import type { Notice, Notifier } from '../core/ports/Notifier'

/** The Notifier port on Electron's Notification (silently nothing where the OS has no notification support). */
export class ElectronNotifier implements Notifier {
  notify(notice: Notice, onClick: () => void): void {
    if (!Notification.isSupported()) return
    const notification = new Notification({ title: notice.title, body: notice.body })
    notification.on('click', onClick)
    notification.show()
  }
}
