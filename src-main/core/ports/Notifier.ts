/** An OS notification (Electron Notification in the app). */
export interface Notice {
  readonly title: string
  readonly body: string
}

export interface Notifier {
  notify(notice: Notice, onClick: () => void): void
}
