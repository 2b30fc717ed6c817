/**
 * Every shortcut the window answers (UI.md §4.15), for the Ctrl/⌘+/ sheet and Settings. Ctrl is ⌘ on a Mac. Only
 * what is wired is listed: the sheet is a promise the window keeps.
 */
export const SHORTCUTS: readonly { readonly group: string; readonly items: readonly (readonly [string, string])[] }[] =
  [
    {
      group: 'Find',
      items: [
        ['Ctrl+F or /', 'Search'],
        ['Ctrl+J, or ? in an empty search', 'Search syntax'],
        ['Esc', 'Clear the search'],
        ['Ctrl+1…9', 'The sidebar’s first nine views'],
        ['Ctrl+K or Ctrl+Shift+P', 'Command palette'],
      ],
    },
    {
      group: 'The key list',
      items: [
        ['↑ ↓ PgUp PgDn Home End', 'Move'],
        ['A letter', 'Jump to a name'],
        ['Enter', 'Open the detail'],
        ['Shift+F10 or the Menu key', 'The key’s menu'],
        ['F6 / Shift+F6', 'Next / previous pane'],
      ],
    },
    {
      group: 'The selected key',
      items: [
        ['Ctrl+C', 'Copy the value (cleared after the set time)'],
        ['Ctrl+Shift+C', 'Copy as NAME=value'],
        ['Space or Ctrl+R', 'Reveal'],
        ['Ctrl+E', 'Edit'],
        ['Ctrl+Shift+R', 'Rotate'],
        ['Ctrl+Shift+W', 'Write to .env'],
        ['Del', 'Move to the Trash'],
      ],
    },
    {
      group: 'The window',
      items: [
        ['Ctrl+N, or Ctrl+V with no field focused', 'Add a key'],
        ['Ctrl+Shift+H', 'Health'],
        ['Ctrl+,', 'Settings'],
        ['Esc or Ctrl+[', 'Back to the keys'],
        ['Ctrl+L', 'Lock'],
        ['Ctrl+/', 'This list'],
      ],
    },
  ]
