/**
 * Text from outside the user's hands (a provider's answer, what it reported about a key) and notes, as the window
 * shows it: bidi embeddings, overrides and isolates (the "Trojan Source" characters), zero-width characters, marks,
 * the BOM and control characters appear as visible escapes (`⟨U+202E⟩`) instead of silently reordering or hiding
 * text — so what a user reads is what is there. The same set the terminal strips (core/security/terminalText.ts);
 * only for display: edited text stays exact.
 */
const HIDDEN =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g

export function shownText(text: string): string {
  return text.replace(
    HIDDEN,
    (character) => `⟨U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}⟩`,
  )
}
