/** The window's theme: follow the system, or fixed light or dark. A display preference, kept in the renderer. */
export type Theme = 'system' | 'light' | 'dark'

const STORAGE_KEY = 'keyward.theme'

export function savedTheme(): Theme {
  const stored = window.localStorage.getItem(STORAGE_KEY)
  return stored === 'light' || stored === 'dark' ? stored : 'system'
}

export function applyTheme(theme: Theme): void {
  window.localStorage.setItem(STORAGE_KEY, theme)
  if (theme === 'system') delete document.documentElement.dataset.theme
  else document.documentElement.dataset.theme = theme
}
